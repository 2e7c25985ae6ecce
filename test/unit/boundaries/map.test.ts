// What the map draws and how it is laid out: the node limit with priorities, the strongest few
// edges per community, and a layout that separates circles, starts filtered maps from the home map and gives
// the same positions for the same data.
import { describe, expect, it } from 'vitest';
import {
  LayoutEngine,
  MapLayout,
  applyPositions,
  layoutSignature,
  positionsOf,
  type LayoutRequest,
  type LayoutUpdate,
} from '../../../lib/boundaries/layout';
import { mapModel } from '../../../lib/boundaries/map-model';
import { boundaryOptions } from '../../../lib/boundaries/options';
import { analyseConstellation } from '../../../lib/boundaries/report';
import { constellation, crowd, names } from './constellations';

// A hub shares members with ten spokes (1…10 shared), and a topic with each of them.
const spokes = Array.from({ length: 10 }, (_, i) => i + 1);
const input = constellation({
  people: { ...crowd('h', 60), ...Object.fromEntries(spokes.map((s) => [`own${s}`, {}])) },
  communities: {
    Hub: { topics: ['t'], members: names('h', 60) },
    ...Object.fromEntries(
      spokes.map((s) => [`Spoke${s}`, { topics: ['t'], members: [...names('h', s), `own${s}`] }]),
    ),
  },
});
const report = analyseConstellation(input, boundaryOptions('2026-11-01'));
const all = report.communities.map((c) => c.index);
const name = (c: number) => report.communities[c]!.name;

describe('map model', () => {
  it('draws every community when under the limit, sized by core and active members', () => {
    const model = mapModel(report, all);
    expect(model.nodes).toHaveLength(11);
    expect(model.omitted).toBe(0);
    const radius = new Map(model.nodes.map((n) => [name(n.community), n.radius]));
    expect(radius.get('Hub')).toBeGreaterThan(radius.get('Spoke10')!);
    expect(radius.get('Spoke10')).toBeGreaterThan(radius.get('Spoke1')!);
  });

  it('keeps the largest communities, and search hits or the selection first, over the limit', () => {
    const limited = mapModel(report, all, new Set(), 3);
    expect(limited.nodes.map((n) => name(n.community))).toEqual(['Hub', 'Spoke10', 'Spoke9']);
    expect(limited.omitted).toBe(8);
    const spoke1 = all.find((c) => name(c) === 'Spoke1')!;
    expect(mapModel(report, all, new Set([spoke1]), 3).nodes.map((n) => name(n.community))).toEqual(
      ['Spoke1', 'Hub', 'Spoke10'],
    );
  });

  it('draws only the strongest few member links and topic links per community', () => {
    const model = mapModel(report, all);
    const hub = all.find((c) => name(c) === 'Hub')!;
    const hubMemberEdges = model.edges.filter(
      (e) => e.kind === 'members' && (e.a === hub || e.b === hub),
    );
    // The hub keeps its own two strongest links (10 and 9 shared members); no spoke adds a
    // link to the hub, because relative to their sizes each spoke is most like its neighbour
    // spokes (Spoke8 shares 8 of its 9 members with Spoke9), not like the hub of 60.
    expect(hubMemberEdges.map((e) => e.weight).sort((x, y) => y - x)).toEqual([10, 9]);
    const spoke1 = all.find((c) => name(c) === 'Spoke1')!;
    const spoke1Links = model.edges
      .filter((e) => e.kind === 'members' && (e.a === spoke1 || e.b === spoke1))
      .map((e) => name(e.a === spoke1 ? e.b : e.a))
      .sort();
    expect(spoke1Links).toEqual(['Spoke2', 'Spoke3']);
    // Strength is shared members relative to both sizes: 10 / √(60 × 11) for Hub–Spoke10.
    const hubSpoke10 = hubMemberEdges.find((e) => e.weight === 10)!;
    expect(hubSpoke10.strength).toBeCloseTo(10 / Math.sqrt(60 * 11), 6);
    expect(model.edges.filter((e) => e.kind === 'topics').length).toBeLessThanOrEqual(11);
    expect(new Set(model.edges.map((e) => `${e.kind}${e.a}-${e.b}`)).size).toBe(model.edges.length);
  });
});

describe('map edges thinned by strength', () => {
  // A shares 6 members with B and 2 with C; C shares 5 with D. A–C is the weaker link of both
  // ends (less than half of each one's strongest), so it is not drawn. All four share a topic.
  const thin = constellation({
    people: crowd('p', 20),
    communities: {
      A: { topics: ['t'], members: [...names('p', 6), 'p7', 'p8'] },
      B: { topics: ['t'], members: names('p', 6) },
      C: { topics: ['t'], members: ['p7', 'p8', 'p9', 'p10', 'p11', 'p12', 'p13'] },
      D: { topics: ['t'], members: ['p9', 'p10', 'p11', 'p12', 'p13'] },
    },
  });
  const thinReport = analyseConstellation(thin, boundaryOptions('2026-11-01'));
  const named = (c: number) => thinReport.communities[c]!.name;
  const model = mapModel(
    thinReport,
    thinReport.communities.map((c) => c.index),
  );
  const pairs = (kind: string) =>
    model.edges
      .filter((e) => e.kind === kind)
      .map((e) => [named(e.a), named(e.b)].sort().join('–'))
      .sort();

  it('draws a second member link only when at least half as strong as the first', () => {
    expect(pairs('members')).toEqual(['A–B', 'C–D']);
  });

  it('draws topic links only between communities not already joined by members', () => {
    const members = new Set(pairs('members'));
    expect(pairs('topics').length).toBeGreaterThan(0);
    for (const pair of pairs('topics')) expect(members.has(pair)).toBe(false);
  });
});

describe('map layout', () => {
  const model = mapModel(report, all);

  it('settles with no two circles overlapping, deterministically', () => {
    const layout = new MapLayout(model);
    while (layout.step(1000));
    expect(layout.settled()).toBe(true);
    for (const a of layout.nodes)
      for (const b of layout.nodes) {
        if (a === b) continue;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.radius + b.radius);
      }
    const again = new MapLayout(model);
    while (again.step(1000));
    expect(positionsOf(again)).toEqual(positionsOf(layout));
  });

  it('takes the same head start whatever the clock says, when ticks are limited', () => {
    // A clock that races (every tick "takes" 100 ms) and one that stands still give the same
    // positions after 40 ticks: the tick limit, not the machine's speed, decides.
    let t = 0;
    const racing = new MapLayout(model);
    racing.step(1e9, () => (t += 100), 40);
    const still = new MapLayout(model);
    still.step(1e9, () => 0, 40);
    expect(positionsOf(racing)).toEqual(positionsOf(still));
    const fewer = new MapLayout(model);
    fewer.step(1e9, () => 0, 20);
    expect(positionsOf(fewer)).not.toEqual(positionsOf(still));
  });

  it('starts from known positions and moves them only gently', () => {
    const first = new MapLayout(model);
    while (first.step(1000));
    const known = first.positions();
    const second = new MapLayout(model, known);
    while (second.step(1000));
    for (const node of second.nodes) {
      const before = known.get(node.community)!;
      expect(Math.hypot(node.x - before.x, node.y - before.y)).toBeLessThan(20);
    }
  });

  /** Runs engine jobs with a queue for a scheduler: `drain` runs every pending slice. */
  function engineWithQueue(sliceMs = 0) {
    const queue: (() => void)[] = [];
    const engine = new LayoutEngine(sliceMs, (next) => queue.push(next));
    const drain = () => {
      while (queue.length) queue.shift()!();
    };
    return { engine, drain };
  }

  function finalPositions(engine: LayoutEngine, drain: () => void, request: LayoutRequest) {
    const updates: LayoutUpdate[] = [];
    engine.run(request, (u) => updates.push(u));
    drain();
    expect(updates.at(-1)?.settled).toBe(true);
    return Array.from(updates.at(-1)!.positions);
  }

  it('runs a job in slices, reporting positions until settled, and stops when superseded', () => {
    const { engine, drain } = engineWithQueue();
    const updates: boolean[] = [];
    engine.run({ id: 1, model, home: null, progressive: true }, (u) => updates.push(u.settled));
    drain();
    expect(updates.at(-1)).toBe(true);
    expect(updates.length).toBeGreaterThan(10);

    const fresh = engineWithQueue();
    const stopped: boolean[] = [];
    fresh.engine.run({ id: 2, model, home: null, progressive: true }, (u) =>
      stopped.push(u.settled),
    );
    fresh.engine.stop();
    fresh.drain();
    expect(stopped).toEqual([false]);
  });

  it('reports only the final positions of a job that is not progressive', () => {
    const { engine, drain } = engineWithQueue();
    const updates: boolean[] = [];
    engine.run({ id: 3, model, home: null, progressive: false }, (u) => updates.push(u.settled));
    drain();
    expect(updates).toEqual([true]);
  });

  it('gives the same positions for the same data, whatever ran before or was cut short', () => {
    // Twice from nothing, in two engines (two page loads): the same positions.
    const once = engineWithQueue();
    const first = finalPositions(once.engine, once.drain, {
      id: 1,
      model,
      home: null,
      progressive: true,
    });
    const twice = engineWithQueue(5);
    const second = finalPositions(twice.engine, twice.drain, {
      id: 1,
      model,
      home: null,
      progressive: false,
    });
    expect(second).toEqual(first);

    // A job cut short by another one, then asked again, ends where an uninterrupted one does.
    const interrupted = engineWithQueue();
    interrupted.engine.run({ id: 1, model, home: null, progressive: true }, () => undefined);
    const hubOnly = mapModel(report, all.slice(0, 4));
    interrupted.engine.run({ id: 2, model: hubOnly, home: model, progressive: true }, () => {});
    interrupted.drain();
    expect(
      finalPositions(interrupted.engine, interrupted.drain, {
        id: 3,
        model,
        home: null,
        progressive: true,
      }),
    ).toEqual(first);

    // Asked again (a re-read of unchanged data): the remembered layout, not a new one.
    const again: LayoutUpdate[] = [];
    once.engine.run({ id: 2, model, home: null, progressive: true }, (u) => again.push(u));
    expect(again.map((u) => u.settled)).toEqual([true]);
    expect(Array.from(again[0]!.positions)).toEqual(first);
  });

  it('lays out a filtered map from the home map, the same whether or not the home map ran first', () => {
    const filteredModel = mapModel(report, all.slice(0, 6));
    expect(layoutSignature(filteredModel)).not.toBe(layoutSignature(model));
    const cold = engineWithQueue();
    const fromCold = finalPositions(cold.engine, cold.drain, {
      id: 1,
      model: filteredModel,
      home: model,
      progressive: true,
    });
    const warm = engineWithQueue();
    const home = finalPositions(warm.engine, warm.drain, {
      id: 1,
      model,
      home: null,
      progressive: false,
    });
    const fromWarm = finalPositions(warm.engine, warm.drain, {
      id: 2,
      model: filteredModel,
      home: model,
      progressive: false,
    });
    expect(fromWarm).toEqual(fromCold);
    // Filtering moves circles only a little from where the home map had them.
    filteredModel.nodes.forEach((node, i) => {
      const at = model.nodes.findIndex((n) => n.community === node.community);
      const moved = Math.hypot(
        fromWarm[2 * i]! - home[2 * at]!,
        fromWarm[2 * i + 1]! - home[2 * at + 1]!,
      );
      expect(moved).toBeLessThan(40);
    });
  });

  it('applies worker positions back onto the layout', () => {
    const layout = new MapLayout(model);
    const moved = positionsOf(layout).map((v) => v + 5);
    applyPositions(layout, moved);
    expect(positionsOf(layout)).toEqual(moved);
  });
});
