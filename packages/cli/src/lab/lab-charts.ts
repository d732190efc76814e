import { partitionCount, type LabFigures } from './lab-figures.js';
import type { AssignorRun } from './replay-history.js';
import { svgLineChart } from './svg-line-chart.js';

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c'];

function color(index: number): string {
  return PALETTE[index % PALETTE.length] ?? 'black';
}

/** Partitions moved in each round, one line per assignor. */
export function movesChart(figures: readonly LabFigures[]): string {
  return svgLineChart(
    figures.map((entry, index) => ({ label: entry.assignor, color: color(index), dashed: index % 2 === 1, values: entry.movesPerRound })),
    { name: 'moves', title: 'Partitions moved per round', xLabel: 'round', yLabel: 'partitions moved', firstX: 1, width: 900, height: 340, legend: true },
  );
}

/** Partitions each member held at the end of each round, from round 0; a member's line breaks while it is out of the group. */
export function memberPartitionsChart(run: AssignorRun): string {
  const names = [...new Set(run.rounds.flatMap((round) => round.members.map((member) => member.name)))];
  const series = names.map((name, index) => ({
    label: name,
    color: color(index),
    dashed: false,
    values: run.rounds.map((round) => {
      const member = round.members.find((candidate) => candidate.name === name);
      return member === undefined ? null : partitionCount(member);
    }),
  }));
  return svgLineChart(series, {
    name: `members-${run.assignor}`,
    title: run.assignor,
    xLabel: 'round',
    yLabel: 'partitions held',
    firstX: 0,
    width: 440,
    height: 260,
    legend: false,
  });
}
