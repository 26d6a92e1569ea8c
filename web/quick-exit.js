// "Leave quickly", on every page: replaces Hearth with a neutral site and takes Hearth out of the
// tab's Back history, for people whose devices are watched. The button is also a plain link, so
// it works without this script. Pressing Escape three times in a row does the same.
//
// Browsers let a page replace only its own history entry. So each Hearth entry of this tab knows
// how many Hearth entries come before it (history.state.hearthDepth, mirrored in sessionStorage
// for full page loads); leaving goes back to the first of them and replaces that one. What is
// left behind is the page the person came from, then the neutral site.
(() => {
  const NEUTRAL = 'https://www.bbc.co.uk/weather';
  const LEAVING = 'hearth-leaving';
  const DEPTH = 'hearth-depth';
  const store = (() => {
    try {
      return window.sessionStorage;
    } catch {
      return null;
    }
  })();

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

  // Where this entry stands among the tab's Hearth entries.
  const state = history.state && typeof history.state === 'object' ? history.state : {};
  if (typeof state.hearthDepth !== 'number') {
    let depth = 0;
    try {
      const previous = Number(store?.getItem(DEPTH) ?? Number.NaN);
      const fromHearth = document.referrer && new URL(document.referrer).origin === window.location.origin;
      if (fromHearth && Number.isFinite(previous)) depth = previous + 1;
    } catch {}
    history.replaceState({ ...state, hearthDepth: depth }, '');
  }
  const remember = () => store?.setItem(DEPTH, String(history.state?.hearthDepth ?? 0));
  remember();
  window.addEventListener('popstate', () => {
    if (store?.getItem(LEAVING)) leave();
    else remember();
  });
  // The app's own navigations call this (web/src/state.ts) so their entries count too.
  window.hearthRemember = remember;

  function quickExit(event) {
    event?.preventDefault();
    document.documentElement.style.visibility = 'hidden';
    document.title = 'Weather';
    const depth = history.state?.hearthDepth ?? 0;
    if (depth > 0 && store) {
      store.setItem(LEAVING, '1');
      history.go(-depth);
      // Should going back not happen (a browser that refuses), leave from here.
      setTimeout(leave, 1500);
    } else leave();
  }

  let presses = [];
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const now = Date.now();
    presses = [...presses.filter((t) => now - t < 1500), now];
    if (presses.length >= 3) quickExit(e);
  });
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('.quick-exit') : null;
    if (target) quickExit(e);
  });
})();
