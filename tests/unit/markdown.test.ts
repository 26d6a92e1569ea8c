import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, type Inline, parseMarkdown, plainText, safeHref } from '../../functions/core/markdown';

const links = (blocks: Block[]): string[] => {
  const of = (nodes: Inline[]): string[] =>
    nodes.flatMap((n) =>
      n.type === 'link' ? [n.href, ...of(n.children)] : 'children' in n ? of(n.children) : [],
    );
  return blocks.flatMap((b) => (b.type === 'paragraph' ? of(b.children) : b.items.flatMap(of)));
};

describe('the markdown subset', () => {
  it('parses paragraphs, emphasis, strong, lists and links', () => {
    const tree = parseMarkdown(
      'Hello *there*, **friends**.\nSecond line.\n\n- one\n- two [site](https://example.org/a)\n\n1. first\n2) second',
    );
    expect(tree).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Hello ' },
          { type: 'em', children: [{ type: 'text', text: 'there' }] },
          { type: 'text', text: ', ' },
          { type: 'strong', children: [{ type: 'text', text: 'friends' }] },
          { type: 'text', text: '.' },
          { type: 'br' },
          { type: 'text', text: 'Second line.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [
          [{ type: 'text', text: 'one' }],
          [
            { type: 'text', text: 'two ' },
            { type: 'link', href: 'https://example.org/a', children: [{ type: 'text', text: 'site' }] },
          ],
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: [[{ type: 'text', text: 'first' }], [{ type: 'text', text: 'second' }]],
      },
    ]);
  });

  it('keeps every character of text it does not understand as text', () => {
    expect(plainText(parseMarkdown('2 * 3 = 6 and a_b_c'))).toBe('2 * 3 = 6 and a_b_c');
    expect(plainText(parseMarkdown('<b>bold</b> & <i>'))).toBe('<b>bold</b> & <i>');
  });

  it('links only to http and https addresses', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative',
      'https://user:pass@example.org',
      'file:///etc/passwd',
    ])
      expect(safeHref(bad), bad).toBeNull();
    expect(safeHref('https://example.org/a?b=c#d')).toBe('https://example.org/a?b=c#d');
  });

  it('turns an XSS corpus into text and http links only', () => {
    const corpus = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)><circle/></svg>',
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '![image](https://example.org/x.png)',
      '[a](https://ok.example)](javascript:alert(1))',
      '<a href="javascript:alert(1)">x</a>',
      '**<iframe src=//evil>**',
      '[<img src=x onerror=alert(1)>](https://ok.example)',
      '<style>body{display:none}</style>',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    ];
    for (const attack of corpus) {
      const tree = parseMarkdown(attack);
      for (const href of links(tree)) expect(href, attack).toMatch(/^https?:\/\//);
      // Nothing is lost or turned into anything but text, emphasis and safe links.
      expect(plainText(tree).replace(/\s/g, '').length, attack).toBeGreaterThan(0);
    }
  });

  it('never throws and never yields an unsafe link, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        for (const href of links(parseMarkdown(s))) expect(href).toMatch(/^https?:\/\//);
      }),
      { numRuns: 2000 },
    );
  });
});
