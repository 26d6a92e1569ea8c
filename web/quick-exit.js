// "Leave quickly", on every page: replaces Hearth with a neutral site and takes Hearth out of the
// tab's Back history, for people whose devices are watched. The button is also a plain link, so
// it works without this script. Pressing Escape three times in a row does the same.
//
// A page may replace only its own history entry. So every Hearth entry records its place in the
// tab's history (history.state.hearthIndex), and the tab remembers its first Hearth entry
// (sessionStorage, which lives as long as the tab). Leaving goes back to that first entry and
// replaces it: what is left behind it is whatever the person saw before Hearth. Entries after it
// stay reachable with Forward, which no page can remove.
(() => {
  const NEUTRAL = 'https://www.bbc.co.uk/weather';
  const LEAVING = 'hearth-leaving';
  const FIRST = 'hearth-first';
  let store = null;
  try {
    store = window.sessionStorage;
  } catch {}

  function leave() {
    try {
      store?.clear();
    } catch {}
    window.location.replace(NEUTRAL);
  }

  // Arriving on a Hearth entry while leaving (after going back across pages): go on leaving.
  if (store?.getItem(LEAVING)) {
    document.documentElement.style.visibility = 'hidden';
    leave();
    return;
  }

  // A new entry is the last one: its place is the history's length less one.
  const state = history.state && typeof history.state === 'object' ? history.state : {};
  if (typeof state.hearthIndex !== 'number')
    history.replaceState({ ...state, hearthIndex: history.length - 1 }, '');
  const remember = () => {
    const here = history.state?.hearthIndex ?? 0;
    const first = Number(store?.getItem(FIRST) ?? Number.NaN);
    // The first remembered entry is gone if this one comes before it (the history was cut back).
    if (!(first <= here)) store?.setItem(FIRST, String(here));
  };
  remember();
  window.addEventListener('popstate', () => {
    if (store?.getItem(LEAVING)) leave();
    else remember();
  });
  // The app's own navigations call this (web/src/state.ts) so their entries are remembered too.
  window.hearthRemember = remember;

  function quickExit(event) {
    event?.preventDefault();
    document.documentElement.style.visibility = 'hidden';
    document.title = 'Weather';
    const here = history.state?.hearthIndex ?? 0;
    const first = Number(store?.getItem(FIRST) ?? here);
    if (store && first < here) {
      store.setItem(LEAVING, '1');
      history.go(first - here);
      // Should going back not happen (a browser that refuses), leave from here.
      setTimeout(leave, 1500);
    } else leave();
  }

  let presses = [];
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const now = Date.now();
    // Three presses in a row, within 2.5 seconds: deliberate, yet easy when hurried.
    presses = [...presses.filter((t) => now - t < 2500), now];
    if (presses.length >= 3) quickExit(e);
  });
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('.quick-exit') : null;
    if (target) quickExit(e);
  });
})();
