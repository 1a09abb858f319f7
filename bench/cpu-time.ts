// CPU time used by this process and every process it started (Chromium and its helpers): what a figure costs, whatever else the machine runs.
import { readdirSync, readFileSync } from 'node:fs'

/** Linux counts process CPU time in clock ticks of 10 ms (USER_HZ). */
const TICK_MS = 10

/** Milliseconds of CPU (user + system) used so far by this process and its descendants still running; Linux only (/proc). */
export function treeCpuMs(root: number = process.pid): number {
  const processes = new Map<number, { parent: number; ticks: number }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // After "pid (command) ": state, ppid, ... utime is the 12th field and stime the 13th from there.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      processes.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // The process ended while the list was read.
    }
  }
  let ticks = 0
  for (const [pid, { ticks: own }] of processes) {
    let at = pid
    while (at !== root && at > 1) at = processes.get(at)?.parent ?? 0
    if (at === root) ticks += own
  }
  return ticks * TICK_MS
}
