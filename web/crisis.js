// Kept on the device, with the app, by the service worker: the page opens with no signal.
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);

// The crisis page works without this. With it, the lines of the region a member chose in Hearth
// (kept in this browser when they chose it) come first, marked as theirs.
(() => {
  let region = null;
  try {
    region = localStorage.getItem('hearth-region');
  } catch {
    return;
  }
  if (!region) return;
  const list = document.querySelector('ul.lines');
  const mine = list && [...list.children].find((li) => (li.dataset.region || '').split(' ').includes(region));
  if (!mine) return;
  list.prepend(mine);
  mine.classList.add('yours');
  const note = document.createElement('p');
  note.className = 'meta';
  note.textContent = list.dataset.yours || '';
  mine.prepend(note);
})();
