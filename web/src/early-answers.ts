/**
 * Answers to requests the page started before the app arrived (web/src/early.ts): each is taken
 * once, by the first request for the same address; after that, requests go out as usual.
 * @module
 */

type Early = { __early?: Record<string, Promise<Response>> };

export function takeEarly(url: string): Promise<Response> | undefined {
  const kept = (window as unknown as Early).__early;
  const answer = kept?.[url];
  if (answer) delete kept[url];
  return answer;
}
