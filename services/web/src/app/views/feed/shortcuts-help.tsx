export const SHORTCUTS: [string, string][] = [
  ['j / k', 'next / previous mention'],
  ['t', 'mark thanked (Enter to confirm, with an optional note)'],
  ['r', 'mark rewarded'],
  ['d', 'dismiss'],
  ['l', 'correct the label'],
  ['o', 'open the post'],
  ['/', 'search'],
  ['Esc', 'cancel'],
  ['?', 'show or hide these keys'],
];

/** The keyboard shortcuts, shown with `?`. */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  return (
    <aside class="card shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd class="shortcut-what">{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </aside>
  );
}
