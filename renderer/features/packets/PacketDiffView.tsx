/** The 勘误 preview: which excerpts and readings change, and what happens to the member's notes. */
import type { ReactNode } from 'react';
import type { PacketDiff } from '../../core/packetDiff';
import { messages } from '../../i18n/messages';
import { List, Table } from '../../ui';

const t = messages.signing;

function Excerpt({ title, exact, comment }: { title: string; exact: string; comment: string | null }) {
  return (
    <>
      <span className="pk-diff-title">《{title}》</span>
      <q>{exact}</q>
      {comment ? (
        <span className="pk-diff-comment">
          {t.comment}：{comment}
        </span>
      ) : null}
    </>
  );
}

/** One kind of change as a headed list; nothing when there is none of it. */
function DiffList<T>({
  testId,
  heading,
  items,
  keyOf,
  children,
}: {
  testId: string;
  heading: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <section data-testid={testId}>
      <h5>{heading}</h5>
      <List>
        {items.map((item) => (
          <li key={keyOf(item)}>{children(item)}</li>
        ))}
      </List>
    </section>
  );
}

export function PacketDiffView({ diff }: { diff: PacketDiff }) {
  const empty =
    !diff.excerptsAdded.length &&
    !diff.excerptsChanged.length &&
    !diff.excerptsRemoved.length &&
    !diff.readingsAdded.length &&
    !diff.readingsRemoved.length;
  return (
    <div className="pk-diff" data-testid="pk-diff">
      <h4>{t.diffTitle}</h4>
      {empty ? <p className="pk-note">{t.noChange}</p> : null}
      {diff.excerptsChanged.length ? (
        <section data-testid="pk-diff-changed">
          <h5>{t.excerptsChanged(diff.excerptsChanged.length)}</h5>
          <Table head={[t.before, t.after]}>
            {diff.excerptsChanged.map((c) => (
              <tr key={c.after.id}>
                <td className="pk-diff-old">
                  <Excerpt title={c.before.articleTitle} exact={c.before.exact} comment={c.before.comment} />
                </td>
                <td className="pk-diff-new">
                  <Excerpt title={c.after.articleTitle} exact={c.after.exact} comment={c.after.comment} />
                </td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
      <DiffList testId="pk-diff-added" heading={t.excerptsAdded(diff.excerptsAdded.length)} items={diff.excerptsAdded} keyOf={(e) => e.id}>
        {(e) => <Excerpt title={e.articleTitle} exact={e.exact} comment={e.comment} />}
      </DiffList>
      <DiffList
        testId="pk-diff-removed"
        heading={t.excerptsRemoved(diff.excerptsRemoved.length)}
        items={diff.excerptsRemoved}
        keyOf={(e) => e.id}
      >
        {(e) => <Excerpt title={e.articleTitle} exact={e.exact} comment={e.comment} />}
      </DiffList>
      <DiffList testId="pk-diff-readings-added" heading={t.readingsAdded} items={diff.readingsAdded} keyOf={(title) => title}>
        {(title) => `《${title}》`}
      </DiffList>
      <DiffList testId="pk-diff-readings-removed" heading={t.readingsRemoved} items={diff.readingsRemoved} keyOf={(title) => title}>
        {(title) => `《${title}》`}
      </DiffList>
      <p className="pk-note" data-testid="pk-diff-notes">
        {diff.notes.kept ? t.notesKept(diff.notes.kept) : t.noNotes}
        {diff.notes.onRemovedReadings ? ` ${t.notesOnRemoved(diff.notes.onRemovedReadings)}` : ''}
      </p>
    </div>
  );
}
