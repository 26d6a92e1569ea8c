import { useState } from 'preact/hooks';
import { me, navigate } from '../state';
import { usePage } from '../ui';

/** Where a new account lands once its recovery codes are saved: the next steps, not a bare list. */
export function WelcomePage() {
  const h = usePage('Welcome to Hearth');
  const [q, setQ] = useState('');
  const find = (e: Event) => {
    e.preventDefault();
    navigate(q.trim() ? `/?q=${encodeURIComponent(q.trim())}` : '/');
  };
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Welcome{me.value ? `, ${me.value.handle}` : ' to Hearth'}
      </h1>
      <p class="lead">Your account is ready. Here is where people usually go next; take your time.</p>
      <ul class="cards wide">
        <li class="card">
          <h2>Find a group</h2>
          <p>
            Groups meet in person, online or both, and talk between sessions. Joining asks you to read the
            group’s guidelines first.
          </p>
          <search>
            <form class="inline" onSubmit={find}>
              <div class="field">
                <label for="welcome-q">Search</label>
                <input id="welcome-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
              </div>
              <button type="submit">Search</button>
            </form>
          </search>
          <p>
            <a href="/">See every group</a>
          </p>
        </li>
        <li class="card">
          <h2>Not sure yet?</h2>
          <p>
            <a href="/new-here">New here?</a> explains how groups, meetups and discussions work, how to stay
            safe, and what peer support is not.
          </p>
        </li>
        <li class="card">
          <h2>Something for you alone</h2>
          <p>
            <a href="/me/safety-plan">Make a safety plan</a>: six short parts about what helps when things get
            hard. Only you can read it.
          </p>
        </li>
        <li class="card">
          <h2>Or start your own</h2>
          <p>
            <a href="/groups/new">Start a new group</a>, in person, online or both, and invite people to it.
          </p>
        </li>
      </ul>
      <p>
        If you need help now, “Need help now?” at the top of every page lists{' '}
        <a href="/crisis.html">crisis lines</a>.
      </p>
    </>
  );
}
