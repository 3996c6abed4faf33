/** The 勘误 preview: which excerpts and readings change, and what happens to the member's notes. */
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
      {diff.excerptsAdded.length ? (
        <section data-testid="pk-diff-added">
          <h5>{t.excerptsAdded(diff.excerptsAdded.length)}</h5>
          <List>
            {diff.excerptsAdded.map((e) => (
              <li key={e.id}>
                <Excerpt title={e.articleTitle} exact={e.exact} comment={e.comment} />
              </li>
            ))}
          </List>
        </section>
      ) : null}
      {diff.excerptsRemoved.length ? (
        <section data-testid="pk-diff-removed">
          <h5>{t.excerptsRemoved(diff.excerptsRemoved.length)}</h5>
          <List>
            {diff.excerptsRemoved.map((e) => (
              <li key={e.id}>
                <Excerpt title={e.articleTitle} exact={e.exact} comment={e.comment} />
              </li>
            ))}
          </List>
        </section>
      ) : null}
      {diff.readingsAdded.length ? (
        <section data-testid="pk-diff-readings-added">
          <h5>{t.readingsAdded}</h5>
          <List>
            {diff.readingsAdded.map((title) => (
              <li key={title}>《{title}》</li>
            ))}
          </List>
        </section>
      ) : null}
      {diff.readingsRemoved.length ? (
        <section data-testid="pk-diff-readings-removed">
          <h5>{t.readingsRemoved}</h5>
          <List>
            {diff.readingsRemoved.map((title) => (
              <li key={title}>《{title}》</li>
            ))}
          </List>
        </section>
      ) : null}
      <p className="pk-note" data-testid="pk-diff-notes">
        {diff.notes.kept ? t.notesKept(diff.notes.kept) : t.noNotes}
        {diff.notes.onRemovedReadings ? ` ${t.notesOnRemoved(diff.notes.onRemovedReadings)}` : ''}
      </p>
    </div>
  );
}
