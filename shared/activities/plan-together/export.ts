// A plan to keep outside Closer: Markdown to read, and an iCalendar (.ics, RFC 5545) file with the
// target date and every dated step as all-day events. Pure, and made from the opened plan: the browser
// builds the files itself, after opening the plan's sealed values (open.ts).
import { UNREADABLE } from '../../sealed/opener.js';
import { isCalendarDate } from './checks.js';
import type { OpenPlan, Owner } from './open.js';

type Plan = OpenPlan;

export function ownerLabel(owner: Owner | null, names: [string, string]): string {
  return owner === null ? UNREADABLE : owner === 'both' ? 'both' : names[owner];
}

export function planToMarkdown(plan: Plan, names: [string, string]): string {
  const lines = [`# ${plan.title}`, ''];
  if (plan.targetDate) lines.push(`Target date: ${plan.targetDate}`, '');
  const why = ([0, 1] as const).filter((s) => plan.why[s]);
  if (why.length > 0) {
    lines.push('## Why it matters', '');
    for (const seat of why) lines.push(`- ${names[seat]}: ${plan.why[seat]}`);
    lines.push('');
  }
  lines.push('## Steps', '');
  if (plan.steps.length === 0) lines.push('_No steps yet._');
  for (const step of plan.steps) {
    const date = step.date ? ` (${step.date})` : '';
    lines.push(`- [${step.done ? 'x' : ' '}] ${step.text} — ${ownerLabel(step.owner, names)}${date}`);
  }
  if (plan.needs.length > 0) {
    lines.push('', '## Things we need', '');
    for (const need of plan.needs) lines.push(`- [${need.got ? 'x' : ' '}] ${need.text}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Escapes TEXT values (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line to at most 75 octets, continuation lines starting with a space (§3.1). */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (encoder.encode(current + char).length > limit) {
      parts.push(current);
      current = char;
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basic = (date: string) => date.replace(/-/g, '');

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return basic(day.toISOString().slice(0, 10));
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function planToIcs(plan: Plan, names: [string, string], now: number): string {
  const events: { uid: string; date: string; summary: string; description?: string }[] = [];
  if (plan.targetDate && isCalendarDate(plan.targetDate)) events.push({ uid: 'target', date: plan.targetDate, summary: plan.title, description: 'Target date' });
  for (const step of plan.steps) {
    if (!step.date || !isCalendarDate(step.date)) continue;
    events.push({
      uid: step.id,
      date: step.date,
      summary: `${step.text} (${ownerLabel(step.owner, names)})`,
      description: plan.title,
    });
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Closer//Plan something together//EN', 'CALSCALE:GREGORIAN'];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}-${stamp(now)}@closer.invalid`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${basic(event.date)}`,
      `DTEND;VALUE=DATE:${nextDay(event.date)}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
