/**
 * 回执全文: what members handed in for one session, read in full — every member in the group's
 * order, or one member — each with 职务, date of return and 字 counts by kind, then their
 * 心得体会, 发言提纲 and notes (with the reading and the excerpt each is on). A search hit opens
 * here at its note, with the match marked. Stored text is shown as React text, never as HTML.
 */
import { useEffect, useRef } from 'react';
import { formatChineseDate } from '../../../shared/text';
import { returnDateText, returnsData, type MemberReturn, type ReturnItem } from '../../core/returns';
import { messages } from '../../i18n/messages';
import { Card, EmptyState, FormRow, Page, PageHeader, Section, Select, Toolbar } from '../../ui';
import { hrefFor, navigate } from '../../ui/router';
import { useLiveResult } from '../../ui/useLiveResult';
import './returns.css';

const t = messages.returns;

export interface ReturnsTarget {
  returnId?: string;
  noteId?: string;
  at?: number;
  len?: number;
}

/** The text with [at, at+len) marked, paragraph by paragraph (offsets are the note's text's). */
function Paragraphs({ text, mark }: { text: string; mark: { at: number; len: number } | null }) {
  const out: React.ReactNode[] = [];
  let offset = 0;
  for (const [i, line] of text.split('\n').entries()) {
    const start = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    const m = mark && mark.at >= start && mark.at < start + line.length ? mark.at - start : -1;
    out.push(
      <p key={i}>
        {m >= 0 ? (
          <>
            {line.slice(0, m)}
            <mark data-testid="return-match">{line.slice(m, m + mark!.len)}</mark>
            {line.slice(m + mark!.len)}
          </>
        ) : (
          line
        )}
      </p>,
    );
  }
  return <div className="return-text">{out}</div>;
}

function Item({ item, target }: { item: ReturnItem; target: ReturnsTarget | null }) {
  const ref = useRef<HTMLElement>(null);
  const focused = target?.noteId === item.id;
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  const mark = focused && target?.at !== undefined ? { at: target.at, len: target.len ?? 0 } : null;
  return (
    <section
      ref={ref}
      id={`return-note-${item.id}`}
      className={`return-item${focused ? ' is-target' : ''}`}
      data-testid="return-item"
      data-kind={item.kind}
      aria-current={focused ? 'true' : undefined}
    >
      <h4 className="return-item-head">
        <span className="return-kind">{t.kinds[item.kind]}</span>
        {item.title.trim() ? `：${item.title.trim()}` : ''}
        <span className="ui-muted">{`（${item.zi.toLocaleString('zh-CN')} 字）`}</span>
      </h4>
      {item.reading ? (
        <p className="return-reading">{`${t.reading}：《${item.reading.title}》`}</p>
      ) : item.kind === 'note' ? (
        <p className="return-reading">{t.standalone}</p>
      ) : null}
      {item.quote ? (
        <blockquote className="return-quote" data-testid="return-quote">
          {`${t.excerpt}：${item.quote}`}
        </blockquote>
      ) : null}
      <Paragraphs text={item.text} mark={mark} />
    </section>
  );
}

function MemberSection({ m, target }: { m: MemberReturn; target: ReturnsTarget | null }) {
  return (
    <Card testId="member-return" label={m.name} title={`${m.name}${m.title ? `（${m.title}）` : ''}`} className="member-return">
      <p className="ui-muted" data-testid="member-return-meta">
        {[returnDateText(m), t.version(m.version), t.counts(m.counts.note, m.counts.reflection, m.counts.outline)].join(' · ')}
      </p>
      {m.items.length === 0 ? <p>{t.nothing}</p> : m.items.map((item) => <Item key={item.id} item={item} target={target} />)}
    </Card>
  );
}

export function ReturnsView({ sessionId, target }: { sessionId: string; target: ReturnsTarget | null }) {
  // Live: a return imported meanwhile (another tab) shows without reopening.
  const loaded = useLiveResult(() => returnsData.forSession(sessionId), [sessionId]);
  if (loaded.state === 'loading') return <div className="boot">{messages.boot.loading}</div>;
  if (loaded.state === 'failed')
    return (
      <div className="ui-page" role="alert">
        <p>{loaded.message}</p>
      </div>
    );
  const data = loaded.value;
  if (!data)
    return (
      <div className="ui-page">
        <p>{t.notFound}</p>
        <a href="#/study">{messages.study.back}</a>
      </div>
    );
  const one = target?.returnId ? data.members.find((m) => m.returnId === target.returnId) : undefined;
  const shown = one ? [one] : data.members;
  return (
    <Page label={t.title} testId="returns-page">
      <p className="session-back">
        <a href={hrefFor({ name: 'session', id: sessionId })}>← {t.back}</a>
      </p>
      <PageHeader
        title={t.title}
        description={[data.session.topic, formatChineseDate(data.session.date)].filter(Boolean).join(' · ')}
        actions={data.members.length ? <a href={`#/print/returns/${sessionId}`}>{t.print}</a> : undefined}
      />
      {data.members.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <Section title={one ? `${one.name}` : t.everyone}>
          <Toolbar>
            <FormRow label={t.member}>
              <Select
                id="returns-member"
                width="medium"
                value={one?.returnId ?? ''}
                onChange={(e) => navigate({ name: 'returns', sessionId, ...(e.target.value ? { returnId: e.target.value } : {}) })}
              >
                <option value="">{t.everyone}</option>
                {data.members.map((m) => (
                  <option key={m.returnId} value={m.returnId}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </FormRow>
          </Toolbar>
          {shown.map((m) => (
            <MemberSection key={m.returnId} m={m} target={target} />
          ))}
        </Section>
      )}
    </Page>
  );
}
