// Very common function words per language, for the language check (language.ts). English
// needs only words rare in the other languages here ("in", "so", "was", "me", "on", "of" are
// also German, Dutch, Spanish or French words, so they are left out).

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

export const ENGLISH = words(`
  the and you your you're yours is are were for with this that these those have has had not just
  but my it it's its i'm i've i'll i'd don't can't didn't doesn't isn't won't wasn't aren't what
  when where which who why how would could should be been being they them their there we're our
  from about if or all get got can do does did up out like more than then she he his him by
  really still thanks thank please want need know going very any some every after before over
  because only also time today here now never always people good great love new one first last
  next right back off down into most many other must while think say says see look read watch
  make take win free real live stop year day world news video best bad too way just ever even
  much well who's he's she's that's there's what's let's`);

/**
 * Common English words that are also words in one of the languages below ("in", "was", "so",
 * "me", "a"): they count for English, but only next to at least one word of ENGLISH.
 */
export const ENGLISH_SHARED = words('to of in on at as was will so we an me her i a no us go');

/** Languages a short post is recognised in by its function words, with those words. */
export const FOREIGN: Readonly<Record<string, ReadonlySet<string>>> = {
  fr: words(`le la les des du un une et est pour avec dans sur pas très merci beaucoup votre vos vous
    nous je suis c'est mon ma mes ce cette qui que au aux à été tout bien bonjour mais ou il elle
    ils sont avons avez rien encore toujours jamais aussi`),
  de: words(`der die das und ist nicht ich mit für auf ein eine einen den dem sehr danke vielen dank
    wir sie es zu von bei auch noch nur schon mein meine ihr ihre war wird haben hat bitte aber
    oder kein keine immer wieder heute`),
  es: words(`el la los las y es por para con muy gracias muchas muchos mucho que de en un una mi
    su no todo toda está estoy pero como del al hola buen bueno nada nadie ya hoy siempre
    también`),
  it: words(`il lo la gli le e è per con molto grazie mille che di un una non sono mio mia tutto
    del della questo questa ciao ho ma anche sempre ancora oggi nessuno niente`),
  pt: words(`o a os as e é para com muito obrigado obrigada que de um uma não meu minha tudo do da
    está estou mas como pela pelo você vocês nada hoje sempre também ainda`),
  nl: words(`de het een en is niet ik met voor op van dank bedankt heel erg wij zijn mijn maar ook
    dat deze dit je jullie nog al geen altijd vandaag`),
};
