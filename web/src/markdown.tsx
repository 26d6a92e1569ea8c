/**
 * Post text as elements: the markdown subset's tree (functions/core/markdown), never HTML.
 * @module
 */
import { type Block, type Inline, parseMarkdown } from '../../functions/core/markdown';

function Inlines({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        if (n.type === 'text') return n.text;
        if (n.type === 'br') return <br key={i} />;
        if (n.type === 'em')
          return (
            <em key={i}>
              <Inlines nodes={n.children} />
            </em>
          );
        if (n.type === 'strong')
          return (
            <strong key={i}>
              <Inlines nodes={n.children} />
            </strong>
          );
        return (
          <a key={i} href={n.href} rel="nofollow ugc noopener noreferrer" target="_blank">
            <Inlines nodes={n.children} />
          </a>
        );
      })}
    </>
  );
}

export function Markdown({ text }: { text: string }) {
  const blocks: Block[] = parseMarkdown(text);
  return (
    <div class="post-body">
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          <p key={i}>
            <Inlines nodes={b.children} />
          </p>
        ) : b.ordered ? (
          <ol key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Inlines nodes={item} />
              </li>
            ))}
          </ol>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Inlines nodes={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
