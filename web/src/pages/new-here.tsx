import { usePage } from '../ui';

export function NewHerePage() {
  const h = usePage('New here?');
  return (
    <article>
      <h1 ref={h} tabIndex={-1}>
        New here?
      </h1>
      <p class="lead">
        Hearth groups are run by people with lived experience, for each other. Here is how to find a group
        that fits, and how to stay safe.
      </p>
      <h2>Choosing a group</h2>
      <ul>
        <li>
          <strong>Focus</strong>: what the group is about, such as anxiety, grief or caring for someone. A
          general group is fine too.
        </li>
        <li>
          <strong>Tone</strong>: some groups are mostly about listening, some share practical strategies, some
          are social, and some follow a structured programme.
        </li>
        <li>
          <strong>Moderation</strong>: how closely moderators watch conversations. Closer moderation can feel
          safer when you are starting out.
        </li>
        <li>
          <strong>Meeting</strong>: groups meet in person, online, or both. You can join online first and
          decide later.
        </li>
        <li>
          Read the community guidelines before you join. You can leave at any time, and nobody is told why.
        </li>
      </ul>
      <h2>Staying safe</h2>
      <ul>
        <li>
          Use a handle that is not your name, and a different alias in each group if you like. Hearth never
          asks for your email.
        </li>
        <li>
          Think before sharing details that identify you: your full name, workplace, address, phone number, or
          photos.
        </li>
        <li>Meet in the venues the group lists, not somewhere private, until you know people well.</li>
        <li>
          Save your recovery codes somewhere private. On a shared device, use “Sign out everywhere” when you
          are done.
        </li>
        <li>If something in a group worries you, tell a moderator or the group's facilitators.</li>
      </ul>
      <h2>When to seek professional help</h2>
      <p>
        Peer support complements professional care; it never replaces it. Talk to a doctor, therapist or other
        professional if your difficulties are getting worse, lasting weeks, or getting in the way of daily
        life, and before changing any treatment.
      </p>
      <p>
        <strong>If you are thinking about harming yourself, or are in danger now,</strong> call your local
        emergency number or a crisis line: <a href="/crisis.html">see crisis lines</a>.
      </p>
      <p>
        <a class="button" href="/">
          Browse groups
        </a>
      </p>
    </article>
  );
}
