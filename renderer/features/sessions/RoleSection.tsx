/** 本机身份 on the 学习计划 page: 组长/学习秘书 or 组员, with what each can do. */
import type { Role, RoleState } from '../../core/roles';
import { study } from '../../core/study';
import { messages } from '../../i18n/messages';
import { Button, Card, notify, Section } from '../../ui';
import { errorText } from '../packets';

const t = messages.roles;
const ROLES: { role: Role; name: string; what: string }[] = [
  { role: 'leader', name: t.leader, what: t.leaderWhat },
  { role: 'member', name: t.member, what: t.memberWhat },
];

export function RoleSection({ state }: { state: RoleState }) {
  const name = (role: Role) => (role === 'leader' ? t.leader : t.member);
  const summary = !state.role ? t.ask : state.chosen ? t.current(name(state.role)) : t.inferred(name(state.role));
  const choose = (role: Role) =>
    void study.setRole(role).then(
      () => notify(t.saved(name(role)), { kind: 'success' }),
      (e: unknown) => notify(errorText(e).message, { kind: 'error' }),
    );
  return (
    <Section title={t.title} description={summary} testId="role-section">
      <div className="study-roles">
        {ROLES.map((r) => {
          const current = state.chosen && state.role === r.role;
          return (
            <Card
              key={r.role}
              title={r.name}
              testId={`role-${r.role}`}
              actions={
                <Button
                  kind={current ? 'secondary' : 'primary'}
                  small
                  aria-pressed={current}
                  disabled={current}
                  onClick={() => choose(r.role)}
                >
                  {current ? t.current(r.name) : t.choose(r.name)}
                </Button>
              }
            >
              <p>{r.what}</p>
            </Card>
          );
        })}
      </div>
    </Section>
  );
}
