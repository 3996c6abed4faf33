/** A note's Tiptap document as print markup: paragraphs, headings, lists, quotes and marks. */
import type { ReactNode } from 'react';
import { asDoc, type DocNode } from '../../core/notes/noteText';

function inline(nodes: readonly DocNode[]): ReactNode[] {
  return nodes.map((n, i) => {
    if (n.type === 'hardBreak') return <br key={i} />;
    if (n.type !== 'text' || !n.text) return null;
    let out: ReactNode = n.text;
    for (const m of n.marks ?? []) {
      if (m.type === 'bold') out = <strong>{out}</strong>;
      else if (m.type === 'italic') out = <em>{out}</em>;
      else if (m.type === 'strike') out = <s>{out}</s>;
      else if (m.type === 'highlight') out = <span className="pr-mine">{out}</span>;
    }
    return <span key={i}>{out}</span>;
  });
}

function block(node: DocNode, key: number): ReactNode {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{inline(children)}</p>;
    case 'heading':
      return (
        <p key={key} className="pr-endnote-head">
          {inline(children)}
        </p>
      );
    case 'blockquote':
      return (
        <div key={key} className="pr-endnote-quote">
          {children.map(block)}
        </div>
      );
    case 'bulletList':
      return <ul key={key}>{children.map(block)}</ul>;
    case 'orderedList':
      return <ol key={key}>{children.map(block)}</ol>;
    case 'listItem':
      return <li key={key}>{children.map(block)}</li>;
    default:
      return children.length ? <div key={key}>{children.map(block)}</div> : null;
  }
}

export function NoteDoc({ doc, fallback }: { doc: unknown; fallback: string }) {
  const parsed = asDoc(doc);
  const blocks = (parsed.content ?? []).filter((n) => n.type !== 'paragraph' || (n.content ?? []).length > 0);
  if (blocks.length === 0) return fallback ? <p>{fallback}</p> : null;
  return <>{blocks.map(block)}</>;
}
