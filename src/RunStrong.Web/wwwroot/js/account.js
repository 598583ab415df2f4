// Account pages: a Copy button beside a new access token (the field itself stays selectable without JavaScript).
(() => {
  for (const button of document.querySelectorAll('button[data-copy]')) {
    const field = document.getElementById(button.dataset.copy);
    const state = document.querySelector('[data-copy-state]');
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (state) state.textContent = 'Copied. Paste it where it is needed; it will not be shown again.';
      } catch {
        field.select();
        if (state) state.textContent = 'Copying was refused; the token is selected, copy it by hand.';
      }
    });
  }
  const token = document.getElementById('new-token-value');
  if (token) token.addEventListener('focus', () => token.select());
})();
