// One game's report: per question the share right, the answers as a bar chart with the right one marked (✓ and
// the word, not colour alone), the average time and the most common wrong answer; the hardest three highlighted;
// per student the score, rank, answers right and each answer (a mark per question; a student's row opens to every
// answer in words); who may need help. A CSV download and a print button.
import { h, fill, setText, setHidden, setAttr, optionBadge, optionName, changeCheck } from '../shared/dom.js';
import { formatNumber } from '../shared/present.js';
import {
  answerBars, rightAnswerText, hardestQuestions, studentRows, gameStatus, formatDate, duration, seconds, percent,
  unsavedText, takenOverText, typeWord, skillWord, skillSummary, needsHelp,
} from './present.js';

function chart(q, players) {
  const bars = answerBars(q, players);
  if (bars.length === 0) return h('p', { class: 'hint' }, 'Nobody answered.');
  const grouped = bars[0].letter == null;
  return h('ol', { class: 'report-chart', 'data-testid': 'report-chart',
    'aria-label': grouped ? 'Answers given, most frequent first' : 'How many chose each option' },
  bars.map((b) => h('li', { class: `chart-row${b.correct ? ' is-right' : ''}`, 'data-testid': 'report-bar', 'data-correct': String(b.correct) },
    grouped ? null : optionBadge(b.index),
    grouped ? null : h('span', { class: 'visually-hidden' }, `${optionName(b.index)}: `),
    h('span', { class: 'row-text wrap', text: b.text }),
    h('span', { class: 'bar', 'aria-hidden': 'true' },
      h('span', { class: `bar-fill${b.correct ? ' right' : ''}`, style: `width:${Math.round(b.share * 100)}%` })),
    h('span', { class: 'row-count', 'data-testid': 'report-count', text: formatNumber(b.count) }),
    b.correct ? h('span', { class: 'mark-right', 'data-testid': 'report-right' }, '✓ right') : h('span', {}))));
}

function questionCard(q, players) {
  const right = rightAnswerText(q);
  const wrong = q.commonWrongAnswer;
  const stat = (label, value, testId) => h('div', { class: 'stat' }, h('dt', {}, label), h('dd', { 'data-testid': testId, text: value }));
  return h('article', { class: `q-card${q.hardest ? ' hardest' : ''}`, 'data-testid': 'report-question', 'data-index': q.index,
    'aria-labelledby': `q-title-${q.index}` },
  h('header', { class: 'q-card-head' },
    h('h3', { id: `q-title-${q.index}` }, `Question ${q.index + 1}`, h('span', { class: 'q-type', text: ` · ${typeWord(q.type)}` }),
      q.skill ? h('span', { class: 'q-skill', 'data-testid': 'report-skill', text: ` · ${skillWord(q.skill)}` }) : null),
    q.hardest ? h('span', { class: 'hard-flag', 'data-testid': 'hardest' }, '★ One of the hardest') : null),
  h('p', { class: 'q-prompt wrap', text: q.prompt }),
  h('dl', { class: 'stats' },
    stat('Right', q.type === 'poll' ? 'poll' : percent(q.percentCorrect) || '–', 'percent-correct'),
    stat('Answered', `${q.answered} of ${q.playerCount}`, 'answered'),
    stat('Average time', seconds(q.averageResponseMs) || '–', 'average-time')),
  chart(q, players),
  right ? h('p', { class: 'right-answer wrap' }, h('strong', {}, 'Right answer: '), right) : null,
  wrong ? h('p', { class: 'misconception wrap', 'data-testid': 'common-wrong' },
    h('strong', {}, 'Most common wrong answer: '), `“${wrong.answer}” (${wrong.count} ${wrong.count === 1 ? 'student' : 'students'})`,
    wrong.explanation ? [h('br'), h('span', { class: 'why', text: wrong.explanation })] : null) : null,
  q.explanation ? h('p', { class: 'explanation wrap' }, h('strong', {}, 'Explanation: '), q.explanation) : null);
}

/** Each student's row: marks only, so the table fits a laptop; the name opens a row with every answer in words. */
function studentsTable(report, actions) {
  const { teams, scored, rows } = studentRows(report);
  const questions = report.questions;
  const columns = (teams ? 5 : 4) + questions.length;
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Students' },
    h('table', { class: 'students', 'data-testid': 'students' },
      h('caption', { class: 'students-key' },
        'Marks: ✓ right · ◐ partly right · ✗ wrong · – no answer · • poll vote. Point at a mark, or open a student, to read the answer.'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', class: 'num' }, 'Rank'), h('th', { scope: 'col' }, 'Student'),
        teams ? h('th', { scope: 'col' }, 'Team') : null,
        h('th', { scope: 'col', class: 'num' }, 'Score'), h('th', { scope: 'col', class: 'num' }, 'Right'),
        questions.map((q) => h('th', { scope: 'col', class: 'answer-col', title: q.prompt },
          h('abbr', { title: `Question ${q.index + 1}` }, `Q${q.index + 1}`))))),
      rows.map((r) => {
        const detailId = `answers-${r.id}`;
        return h('tbody', { class: 'student' },
          h('tr', { 'data-testid': 'student-row', 'data-player': r.id },
            h('td', { class: 'num', text: r.rank ?? '–' }),
            h('th', { scope: 'row', class: 'student-cell' },
              h('button', { class: 'student-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': detailId,
                'data-testid': 'student-toggle', 'data-player': r.id, onclick: () => actions.toggleStudent(r.id) },
              h('span', { class: 'toggle-mark', 'aria-hidden': 'true' }),
              h('bdi', { class: 'wrap', 'data-testid': 'student-name', text: r.name }))),
            teams ? h('td', {}, h('bdi', { class: 'wrap', text: r.team ?? '' })) : null,
            h('td', { class: 'num', 'data-testid': 'student-score', text: formatNumber(r.score) }),
            h('td', { class: 'num', 'data-testid': 'student-right', text: `${r.correct} of ${scored}` }),
            r.answers.map((a) => h('td', { class: `answer-cell ${a.mark.kind}`, 'data-testid': 'student-answer', title: a.detail },
              h('span', { class: 'answer-mark', 'aria-hidden': 'true', text: a.mark.symbol }),
              h('span', { class: 'visually-hidden', text: a.detail })))),
          h('tr', { class: 'student-detail', id: detailId, hidden: true, 'data-testid': 'student-detail' },
            h('td', { colspan: columns },
              h('ol', { class: 'answer-list', 'aria-label': `Answers of ${r.name}` },
                r.answers.map((a) => h('li', { class: `answer-cell ${a.mark.kind}` },
                  h('span', { class: 'answer-mark', 'aria-hidden': 'true', text: a.mark.symbol }),
                  h('span', { class: 'answer-text wrap', text: a.detail })))))));
      })));
}

/** Shows the answers of the students the state has open, and no others. */
function syncOpen(students, open) {
  for (const toggle of students.querySelectorAll('[data-testid="student-toggle"]')) {
    const shown = open.some((id) => String(id) === toggle.dataset.player);
    setAttr(toggle, 'aria-expanded', shown ? 'true' : 'false');
    const detail = students.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls'))}`);
    if (detail) setHidden(detail, !shown);
  }
}

/** How many of the questions most of them missed are named; the table shows the rest. */
const MOST_MISSED = 5;

/** Who may need help and what most of them missed; null when no question was scored. */
function helpPanel(report) {
  if (!report.players.some((p) => p.answers?.some((a) => a.points != null))) return null;
  const help = needsHelp(report);
  return [
    h('p', { class: 'hint' }, 'Students under half of the marks available to them (speed and streaks aside), and the questions most of them missed.'),
    help.students.length
      ? h('ul', { class: 'help-students' }, help.students.map((st) => h('li', { 'data-testid': 'needs-help-student', 'data-player': st.id },
        h('bdi', { class: 'wrap', text: st.name }),
        `: ${percent(Math.round(st.share * 100))} of the marks, ${st.right} of ${st.counted} right`)))
      : h('p', { 'data-testid': 'needs-help-none' }, 'Every student scored at least half of the marks.'),
    help.questions.length
      ? [h('h3', {}, 'Missed by most of them'),
        h('ol', { class: 'help-questions' }, help.questions.slice(0, MOST_MISSED).map((q) => h('li', { 'data-testid': 'needs-help-question', 'data-index': q.index },
          h('strong', {}, `Question ${q.index + 1}`), ` (missed by ${q.missedBy} of ${help.students.length}): `,
          h('span', { class: 'wrap', text: q.prompt })))),
        help.questions.length > MOST_MISSED
          ? h('p', { class: 'hint', 'data-testid': 'needs-help-more' }, `and ${help.questions.length - MOST_MISSED} more `
            + `${help.questions.length - MOST_MISSED === 1 ? 'question' : 'questions'} missed by most of them (see the table below).`)
          : null]
      : null,
  ];
}

export function mountReport(root, actions) {
  const title = h('h1', { id: 'report-title', tabindex: -1, class: 'wrap', 'data-testid': 'report-title' }, 'Report');
  const meta = h('p', { class: 'report-meta', 'data-testid': 'report-meta' });
  const status = h('p', { class: 'report-status', 'data-testid': 'report-status' });
  const unsaved = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'unsaved' });
  const takenOver = h('p', { class: 'hint', hidden: true, 'data-testid': 'taken-over' });
  const error = h('p', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'report-error' });
  const csv = h('button', { class: 'button primary', type: 'button', 'data-testid': 'download-csv', onclick: () => actions.download() },
    'Download CSV');
  const print = h('button', { class: 'button', type: 'button', onclick: () => actions.print() }, 'Print');
  const downloaded = h('p', { class: 'hint', role: 'status', 'data-testid': 'download-status' });
  const hardest = h('p', { class: 'hardest-summary', hidden: true, 'data-testid': 'hardest-summary' });
  const bySkill = h('p', { class: 'skill-summary', hidden: true, 'data-testid': 'skill-summary' });
  const questions = h('div', { class: 'q-cards', 'data-testid': 'report-questions' });
  const students = h('div', { 'data-testid': 'report-students' });
  const help = h('section', { class: 'needs-help', hidden: true, 'data-testid': 'needs-help', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title' }, 'Needs help'));
  const helpBody = h('div', {});
  help.append(helpBody);
  const content = h('div', { class: 'report-content', hidden: true },
    h('div', { class: 'report-actions' }, csv, print, downloaded),
    hardest, bySkill, help,
    h('h2', {}, 'Questions'), questions,
    h('h2', {}, 'Students'), students);
  const loading = h('p', { class: 'hint', hidden: true }, 'Loading…');
  const el = h('section', { class: 'screen screen-report', 'data-testid': 'screen-report', 'aria-labelledby': 'report-title' },
    h('p', { class: 'back' }, h('a', { href: '/reports', 'data-testid': 'back-to-list' }, '← All games')),
    title, meta, status, takenOver, unsaved, error, loading, content);
  root.append(el);

  const reportChanged = changeCheck();
  return {
    el,
    update(state) {
      const r = state.report;
      setHidden(loading, !state.loading || !!r);
      setText(error, state.reportError ?? '');
      setHidden(error, !state.reportError);
      setHidden(content, !r);
      setText(downloaded, state.download ?? '');
      if (!r) {
        setText(title, state.loading ? 'Report' : 'Report not available');
        setText(meta, '');
        setText(status, '');
        setHidden(unsaved, true);
        setHidden(takenOver, true);
        return;
      }
      const g = r.game;
      setText(title, g.bankTitle);
      const shown = r.questions.length;
      const ran = duration(g.startedAt, g.endedAt);
      setText(meta, [formatDate(g.createdAt), `${g.playerCount} ${g.playerCount === 1 ? 'player' : 'players'}`,
        shown === g.questionCount ? `${shown} questions` : `${shown} of ${g.questionCount} questions played`,
        ran ? `played for ${ran}` : null, `PIN ${g.pin}`].filter(Boolean).join(' · '));
      const st = gameStatus(g, shown);
      setText(status, `${st.kind === 'interrupted' ? '⚠ ' : ''}${st.word}: ${st.detail}`);
      status.dataset.status = st.kind;
      const moved = takenOverText(g);
      setText(takenOver, moved ?? '');
      setHidden(takenOver, !moved);
      const lost = unsavedText(g.unsavedCount);
      setText(unsaved, lost ?? '');
      setHidden(unsaved, !lost);
      if (reportChanged(r)) {
        const hard = hardestQuestions(r);
        fill(hardest, hard.length ? [h('strong', {}, '★ Hardest: '),
          hard.map((q) => `Question ${q.index + 1} (${percent(q.percentCorrect)} right)`).join(', ')] : []);
        setHidden(hardest, hard.length === 0);
        const skills = skillSummary(r.questions);
        fill(bySkill, skills.length ? [h('strong', {}, 'Right by kind of question: '),
          skills.map((g) => `${g.label} ${percent(g.percentCorrect)} (${g.questions} ${g.questions === 1 ? 'question' : 'questions'})`).join(' · ')] : []);
        setHidden(bySkill, skills.length === 0);
        fill(questions, r.questions.length ? r.questions.map((q) => questionCard(q, r.players))
          : h('p', { class: 'hint' }, 'No question was played in this game.'));
        fill(students, r.players.length ? studentsTable(r, actions) : h('p', { class: 'hint' }, 'Nobody joined this game.'));
        const panel = helpPanel(r);
        fill(helpBody, panel);
        setHidden(help, !panel);
      }
      syncOpen(students, state.openStudents ?? []);
    },
  };
}
