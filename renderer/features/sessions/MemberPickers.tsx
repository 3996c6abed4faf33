/**
 * 中心发言人 and attendance chosen from the group's members (the members table, in its order),
 * not typed: checkboxes and selects, so Tab, Space and the arrow keys do it all. A stored name
 * that matches no member (typed before, or a member since removed) is shown and kept, marked
 * as not on the list; a guest's name can be added.
 */
import { useState } from 'react';
import type { SessionDetail } from '../../core/study';
import { messages } from '../../i18n/messages';
import { Button, Checkbox, Input, List, Select, Table, Toolbar } from '../../ui';

const t = messages.study;
type MemberRow = SessionDetail['members'][number];

interface Person {
  name: string;
  title: string;
  listed: boolean;
}

/** Members in order, then every other name given (first seen first), each once. */
export function peopleOf(members: readonly Pick<MemberRow, 'name' | 'title'>[], ...others: (readonly string[])[]): Person[] {
  const out = new Map<string, Person>();
  for (const m of members) if (!out.has(m.name)) out.set(m.name, { name: m.name, title: m.title, listed: true });
  for (const list of others) for (const n of list) if (n && !out.has(n)) out.set(n, { name: n, title: '', listed: false });
  return [...out.values()];
}

function GuestAdder({ known, onAdd, idPrefix }: { known: readonly string[]; onAdd(name: string): void; idPrefix: string }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const n = name.trim().slice(0, 100);
    if (!n) return;
    if (known.includes(n)) {
      setError(t.guestExists(n));
      return;
    }
    setError(null);
    setName('');
    onAdd(n);
  };
  return (
    <Toolbar>
      <Input
        id={`${idPrefix}-guest`}
        width="medium"
        aria-label={t.guestName}
        placeholder={t.guestName}
        value={name}
        maxLength={100}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // Inside the record form, Enter adds the guest rather than saving the record.
            e.preventDefault();
            add();
          }
        }}
      />
      <Button small onClick={add}>
        {t.addGuest}
      </Button>
      {error ? (
        <span className="ui-error" role="alert">
          {error}
        </span>
      ) : null}
    </Toolbar>
  );
}

function label(p: Person): string {
  return `${p.name}${p.title ? `（${p.title}）` : ''}${p.listed ? '' : t.notMember}`;
}

/** 中心发言人: a checkbox per member (and per stored or added name); order follows the list. */
export function SpeakerPicker({
  members,
  value,
  onChange,
  disabled = false,
}: {
  members: readonly MemberRow[];
  value: readonly string[];
  onChange(next: string[]): void;
  /** A member's copy: the packet names the speakers. */
  disabled?: boolean;
}) {
  // Names seen here stay listed after being unticked, so a slip can be undone.
  const [seen, setSeen] = useState<string[]>([]);
  const people = peopleOf(members, value, seen);
  const toggle = (name: string, on: boolean) => {
    if (!seen.includes(name)) setSeen([...seen, name]);
    const chosen = new Set(value);
    if (on) chosen.add(name);
    else chosen.delete(name);
    onChange(people.map((p) => p.name).filter((n) => chosen.has(n)));
  };
  return (
    <div className="member-picker" data-testid="speaker-picker" role="group" aria-label={t.speakers}>
      {people.length === 0 ? <p className="ui-muted">{t.noMembersYet}</p> : null}
      <List>
        {people.map((p) => (
          <li key={p.name}>
            <Checkbox
              checked={value.includes(p.name)}
              disabled={disabled}
              aria-label={t.speakerOf(p.name)}
              onChange={(e) => toggle(p.name, e.target.checked)}
              label={label(p)}
            />
          </li>
        ))}
      </List>
      {disabled ? null : (
        <GuestAdder
          idPrefix="speaker"
          known={people.map((p) => p.name)}
          onAdd={(name) => {
            setSeen([...seen, name]);
            onChange([...value, name]);
          }}
        />
      )}
    </div>
  );
}

export interface Attendance {
  attendees: string[];
  absentees: { name: string; reason: string }[];
}

type Mark = 'unknown' | 'present' | 'absent';

/** Attendance: per member 出席/缺席 (with a reason)/未记录; stored names off the list are kept. */
export function AttendancePicker({
  members,
  value,
  onChange,
}: {
  members: readonly MemberRow[];
  value: Attendance;
  onChange(next: Attendance): void;
}) {
  const [guests, setGuests] = useState<string[]>([]);
  const people = peopleOf(
    members,
    value.attendees,
    value.absentees.map((a) => a.name),
    guests,
  );
  const reasons = new Map(value.absentees.map((a) => [a.name, a.reason]));
  const markOf = (name: string): Mark => (value.attendees.includes(name) ? 'present' : reasons.has(name) ? 'absent' : 'unknown');
  // Rebuilt in the list's order, so the 学习记录 lists people as the group does.
  const set = (name: string, mark: Mark, reason = reasons.get(name) ?? '') => {
    const marks = new Map(people.map((p) => [p.name, markOf(p.name)]));
    marks.set(name, mark);
    const nextReasons = new Map(reasons);
    nextReasons.set(name, reason);
    onChange({
      attendees: people.filter((p) => marks.get(p.name) === 'present').map((p) => p.name),
      absentees: people
        .filter((p) => marks.get(p.name) === 'absent')
        .map((p) => ({ name: p.name, reason: (nextReasons.get(p.name) ?? '').slice(0, 200) })),
    });
  };
  const c = t.attendanceChoices;
  return (
    <div className="member-picker" data-testid="attendance-picker">
      {people.length === 0 ? (
        <p className="ui-muted">{t.noMembersYet}</p>
      ) : (
        <Table head={[t.returnCols.name, t.returnCols.title, t.attendance, t.reason]} label={t.attendance}>
          {people.map((p) => {
            const mark = markOf(p.name);
            return (
              <tr key={p.name} data-testid="attendance-row">
                <td>
                  {p.name}
                  {p.listed ? null : <span className="ui-muted">{t.notMember}</span>}
                </td>
                <td>{p.title}</td>
                <td>
                  <Select
                    width="short"
                    aria-label={t.attendanceOf(p.name)}
                    value={mark}
                    onChange={(e) => set(p.name, e.target.value as Mark)}
                  >
                    {(['unknown', 'present', 'absent'] as const).map((m) => (
                      <option key={m} value={m}>
                        {c[m]}
                      </option>
                    ))}
                  </Select>
                </td>
                <td>
                  {mark === 'absent' ? (
                    <Input
                      width="medium"
                      aria-label={t.reasonOf(p.name)}
                      value={reasons.get(p.name) ?? ''}
                      maxLength={200}
                      onChange={(e) => set(p.name, 'absent', e.target.value)}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <GuestAdder
        idPrefix="attendance"
        known={people.map((p) => p.name)}
        onAdd={(name) => {
          setGuests([...guests, name]);
          onChange({ ...value, attendees: [...value.attendees, name] });
        }}
      />
    </div>
  );
}
