import { describe, expect, it } from 'vitest';
import { detectCrisis, normalise } from '../../functions/core/crisis';

/** Phrases that must match: plain, misspelt, spaced, stretched, look-alike and slang forms. */
const MUST_MATCH: [string, string][] = [
  ['I want to kill myself', 'suicide'],
  ['i wanna kill myself tonight', 'suicide'],
  ['Sometimes I think about killing myself', 'suicide'],
  ['kms', 'suicide'],
  ['i want to kms', 'suicide'],
  ['I’m going to end my life', 'suicide'],
  ['I want to end it all', 'suicide'],
  ['I have been feeling suicidal again', 'suicide'],
  ['im suicidal', 'suicide'],
  ['feeling sucidal', 'suicide'],
  ['feeling suicidle this week', 'suicide'],
  ['I attempted suicide last year and the thoughts are back', 'suicide'],
  ['thinking about suicide a lot', 'suicide'],
  ['thinking about sucide', 'suicide'],
  ['I wrote a suicide note', 'suicide'],
  ['I just want to die', 'suicide'],
  ['i want 2 die', 'suicide'],
  ['i want to diiiie', 'suicide'],
  ['I wish I was dead', 'suicide'],
  ['everyone would be better off without me', 'suicide'],
  ['they would be better off if I was gone', 'suicide'],
  ['there is no reason to live', 'suicide'],
  ['I have nothing left to live for', 'suicide'],
  ["I don't want to be here anymore", 'suicide'],
  ['i dont want to wake up tomorrow', 'suicide'],
  ["I can't go on like this", 'suicide'],
  ['k i l l   m y s e l f', 'suicide'],
  ['kill my self', 'suicide'],
  ['k1ll mys3lf', 'suicide'],
  ['KILL MYSELF', 'suicide'],
  ['kil myself', 'suicide'],
  ['killlll myselfff', 'suicide'],
  ['I am going to take my own life', 'suicide'],
  ['thinking of ways to unalive myself', 'suicide'],
  ['Saying goodbye to everyone', 'suicide'],
  ['I cut myself again last night', 'self_harm'],
  ['I keep hurting myself', 'self_harm'],
  ['relapsed on self harm', 'self_harm'],
  ['self-harming again', 'self_harm'],
  ['selfharm', 'self_harm'],
  ['I want to overdose', 'self_harm'],
  ['thinking about taking all my pills', 'self_harm'],
  ['I might take all my pills', 'self_harm'],
  ['I want to burn myself', 'self_harm'],
];

/** Everyday speech, and talk about the subject that is not a statement of risk. */
const MUST_NOT_MATCH = [
  'This film killed me, I laughed so hard',
  'That joke killed me',
  'I’m dying to see the new exhibition',
  'I could kill for a coffee right now',
  'You absolutely killed it at the open mic',
  'My phone died halfway through the call',
  'I was dead tired after work',
  'This cake is to die for',
  'We watched Suicide Squad last night',
  'Our group did suicide prevention training with a local charity',
  'The plants died while I was away',
  'I killed the process and restarted the laptop',
  'Kill the lights please',
  'I hurt my knee running',
  'I cut my hair short',
  'Feeling much better today, thanks everyone',
  'I can’t do this homework anymore, it is so boring',
  'I ran out of ideas for dinner',
  'Dying my hair purple this weekend',
  'My grandmother died last year and I still miss her',
  'We talked about self-care and self-compassion',
  'I overcame a lot this year',
  'The 2 of us went for a walk at 5',
  'I am so over this weather',
  'Putting myself first for once',
  'Filling myself up with soup',
  'The steak was overdone',
  'Warming myself by the fire',
  'I taught myself to knit',
  'Reminding myself to breathe',
];

describe('crisis phrases (English)', () => {
  it.each(MUST_MATCH)('match: %s', (text, kind) => {
    const signal = detectCrisis(text);
    expect(signal.matched, normalise(text)).toBe(true);
    expect(signal.kinds).toContain(kind);
  });

  it.each(MUST_NOT_MATCH)('no match: %s', (text) => {
    expect(detectCrisis(text).matched, normalise(text)).toBe(false);
  });

  it('finds the phrase inside a longer post', () => {
    const post = `${'Today was long and I tried the breathing exercise. '.repeat(40)}Honestly I want to end my life. ${'Thanks for reading. '.repeat(20)}`;
    expect(detectCrisis(post).matched).toBe(true);
  });

  it('reads spaced, stretched and look-alike letters', () => {
    expect(normalise('K I L L my$elf!!!')).toBe('kill myself');
    expect(normalise('suiiiiicide')).toBe(
      'suiicide'.replace('ii', 'i') === 'suicide' ? 'suicide' : normalise('suiiiiicide'),
    );
  });
});

/** Every name a plain JavaScript object inherits, and some that prototypes of everyday values add. */
const INHERITED = [
  ...new Set(
    [Object.prototype, Function.prototype, Array.prototype, String.prototype, Number.prototype]
      .flatMap((proto) => Object.getOwnPropertyNames(proto))
      .concat(['__proto__', 'prototype', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']),
  ),
];

describe('words that name inherited properties are text', () => {
  it('has a real list to check', () => {
    expect(INHERITED.length).toBeGreaterThan(60);
    expect(INHERITED).toContain('constructor');
    expect(INHERITED).toContain('__proto__');
  });

  it.each(INHERITED)('%s alone, in a sentence and beside a crisis phrase', (word) => {
    expect(detectCrisis(word).matched).toBe(false);
    expect(detectCrisis(`The ${word} of the week was calm, ${word.toUpperCase()} too`).matched).toBe(false);
    const beside = detectCrisis(`${word} honestly I want to kill myself ${word}`);
    expect(beside.matched).toBe(true);
    expect(beside.kinds).toEqual(['suicide']);
  });
});
