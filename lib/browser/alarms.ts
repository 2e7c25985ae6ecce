// The alarms adapter: one alarm per configured feed, named after its URL, set for the time of
// its next attempt. Alarms survive worker restarts; the background re-creates missing ones
// on install and startup from the stored reports.
import { browser } from 'wxt/browser';

const PREFIX = 'constellation-sync:';

function alarmName(url: string): string {
  return `${PREFIX}${url}`;
}

/** The feed URL an alarm belongs to, or undefined for other alarms. */
function feedUrlOfAlarm(name: string): string | undefined {
  return name.startsWith(PREFIX) ? name.slice(PREFIX.length) : undefined;
}

export async function scheduleFeedAlarm(url: string, when: number): Promise<void> {
  // Chrome clamps alarms to 30 s at the earliest; an overdue time fires at once.
  await browser.alarms.create(alarmName(url), { when: Math.max(when, Date.now() + 1000) });
}

export async function clearFeedAlarm(url: string): Promise<void> {
  await browser.alarms.clear(alarmName(url));
}

/** URLs of every feed alarm that is currently set, with its time. */
export async function feedAlarms(): Promise<Map<string, number>> {
  const all = await browser.alarms.getAll();
  const out = new Map<string, number>();
  for (const alarm of all) {
    const url = feedUrlOfAlarm(alarm.name);
    if (url !== undefined) out.set(url, alarm.scheduledTime);
  }
  return out;
}

export function onFeedAlarm(listener: (url: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    const url = feedUrlOfAlarm(alarm.name);
    if (url !== undefined) listener(url);
  });
}
