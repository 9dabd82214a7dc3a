import Harness
import Units

/// Every figure the Checkpointing lesson states, computed here: the schedules' peaks and
/// recomputations from their closed forms (`ScheduleCounts`, which the tests prove equal to
/// replays on a real `ActivationStore`), the accumulation peaks measured by the store, and the
/// rest from the formulas the lesson gives, with their inputs named.
public enum CheckpointingFigures {
  /// All figures, in the order the lesson uses them.
  public static let all: [Figure] =
    tradeoff + segmentExample + pytorch + gpt3 + revolve + accumulation + tokenWeighting
    + swapping

  /// Depths of the trade-off table.
  static let depths = [16, 64, 256]

  /// Store-all, √N segments and recompute-all for N = 16, 64, 256: peak live activations and
  /// layer forwards beyond the first N.
  static let tradeoff: [Figure] = depths.flatMap { depth -> [Figure] in
    let length = Int(Double(depth).squareRoot().rounded())
    let runs: [(String, Schedule)] = [
      ("store-all", .storeAll), ("sqrt", .segments(length)), ("recompute", .recomputeAll),
    ]
    var figures = [Figure("sqrt-k-\(depth)", "\(length)")]
    for (name, schedule) in runs {
      let counts = schedule.counts(depth: depth)
      figures.append(Figure("peak-\(name)-\(depth)", "\(counts.peakLive)"))
      figures.append(Figure("extra-\(name)-\(depth)", "\(counts.extraForwards)"))
    }
    return figures
  }

  /// The worked example N = 16, K = 4, and the overheads in forward passes and step time
  /// (a backward costing about two forwards).
  static let segmentExample: [Figure] = {
    let sixteen = Schedule.segments(4).counts(depth: 16)
    let root = Schedule.segments(16).counts(depth: 256)
    let everything = Schedule.recomputeAll.counts(depth: 256)
    let sweep = (1...64).map { Schedule.segments($0).counts(depth: 64).peakLive }
    return [
      Figure("kept-at-turn-16", "\(sixteen.liveAtTurn)"),
      Figure(
        "extra-passes-256", ByteFormatting.trimmed(Double(root.extraForwards) / 256, decimals: 2)),
      Figure(
        "overhead-sqrt-256",
        "\(ByteFormatting.trimmed(100 * Double(root.extraForwards) / (3 * 256), decimals: 0))%"),
      Figure(
        "recompute-passes-256",
        ByteFormatting.trimmed(Double(everything.extraForwards) / 256, decimals: 2)),
      Figure("sweep-min-64", "\(sweep.min() ?? 0)"),
    ]
  }()

  /// How `checkpoint_sequential(functions, 3, x)` cuts 10 layers (segment size n // segments,
  /// the last chunk taking the remainder), against segments of length K = 3.
  static let pytorch: [Figure] = {
    let (layers, segments) = (10, 3)
    let size = layers / segments
    let sequential = Array(repeating: size, count: segments - 1) + [layers - size * (segments - 1)]
    let fixed = stride(from: 0, to: layers, by: 3).map { min(3, layers - $0) }
    func list(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: ", ") }
    return [
      Figure("pytorch-chunks-10-3", list(sequential)),
      Figure("segment-chunks-10-3", list(fixed)),
    ]
  }()

  /// GPT-3 175B (Brown et al. 2020): 96 layers, h = 12288, 96 heads, s = 2048, 3.2M tokens per
  /// batch. A layer boundary is one tokens × h tensor of 2 bytes; everything a layer keeps for
  /// its backward is s·b·h·(34 + 5·a·s/h) bytes (Korthikanti et al. 2022).
  static let gpt3: [Figure] = {
    let (tokens, hidden, heads, sequence, layers) = (3.2e6, 12288.0, 96.0, 2048.0, 96.0)
    let boundary = tokens * hidden * 2
    let full = tokens * hidden * (34 + 5 * heads * sequence / hidden)
    return [
      Figure("gpt3-layer-boundary", ByteFormatting.decimal(boundary)),
      Figure("gpt3-boundary-96", ByteFormatting.decimal(boundary * layers)),
      Figure("gpt3-full-over-boundary", ByteFormatting.trimmed(full / boundary, decimals: 0)),
    ]
  }()

  /// Optimal reversal with s slots (Griewank & Walther's closed form).
  static let revolve: [Figure] = {
    var figures = [
      Figure("beta-4-2", "\(Revolve.beta(slots: 4, repetitions: 2))"),
      Figure("beta-4-3", "\(Revolve.beta(slots: 4, repetitions: 3))"),
      Figure("beta-5-2", "\(Revolve.beta(slots: 5, repetitions: 2))"),
      Figure("beta-4-4", "\(Revolve.beta(slots: 4, repetitions: 4))"),
      Figure("beta-5-3", "\(Revolve.beta(slots: 5, repetitions: 3))"),
      Figure("revolve-t-16-4", "\(Revolve.repetitions(steps: 16, slots: 4))"),
      Figure("revolve-t-64-4", "\(Revolve.repetitions(steps: 64, slots: 4))"),
      Figure("revolve-free-16", "\(16 - 1)"),
    ]
    for steps in [16, 64] {
      for slots in [1, 2, 3, 4, 8] {
        figures.append(
          Figure("revolve-\(steps)-\(slots)", "\(Revolve.forwardSteps(steps: steps, slots: slots))")
        )
      }
    }
    return figures
  }()

  /// Peak activation bytes of store-all steps on a 2 → 16 × 7 → 1 chain for a 64-row batch
  /// split into 1, 4 and 16 micro-batches, measured by the store.
  static let accumulation: [Figure] = {
    let (depth, width, batch) = (8, 16, 64)
    guard
      let chain = try? Chain.uniform(depth: depth, width: width, seed: 3),
      let data = try? Dataset.spirals(pointsPerArm: batch / 2, seed: 3)
    else { return [] }
    let inputs = [
      Figure("accumulation-chain-depth", "\(depth)"),
      Figure("accumulation-chain-width", "\(width)"),
      Figure("accumulation-chain-batch", "\(batch)"),
    ]
    return inputs
      + [1, 4, 16].flatMap { parts -> [Figure] in
        let rows = batch / parts
        guard let input = try? data.inputs.rows(0..<rows),
          let targets = try? data.targets.rows(0..<rows),
          let replay = try? Schedule.storeAll.replay(on: chain, input: input, targets: targets)
        else { return [] }
        let peak = ByteFormatting.decimal(Double(replay.store.peakLiveBytes))
        return [
          Figure("accumulation-parts-\(parts)", "\(parts)"),
          Figure("accumulation-rows-\(parts)", "\(rows)"),
          Figure("accumulation-peak-\(parts)", peak),
        ]
      }
  }()

  /// Micro-batches of unequal token counts: the mean of the per-micro-batch token means against
  /// the mean over all tokens, which weights each micro-batch by its tokens.
  static let tokenWeighting: [Figure] = {
    let micro: [(tokens: Double, meanLoss: Double)] = [(12, 2), (4, 1)]
    let tokens = micro.reduce(0) { $0 + $1.tokens }
    let tokenMean = micro.reduce(0) { $0 + $1.tokens * $1.meanLoss } / tokens
    let meanOfMeans = micro.reduce(0) { $0 + $1.meanLoss } / Double(micro.count)
    func text(_ value: Double) -> String { ByteFormatting.trimmed(value, decimals: 2) }
    return [
      Figure("ga-tokens-a", text(micro[0].tokens)), Figure("ga-loss-a", text(micro[0].meanLoss)),
      Figure("ga-tokens-b", text(micro[1].tokens)), Figure("ga-loss-b", text(micro[1].meanLoss)),
      Figure("ga-mean-of-means", text(meanOfMeans)),
      Figure("ga-token-mean", text(tokenMean)),
      Figure("ga-weight-a", text(micro[0].tokens / tokens)),
      Figure("ga-weight-b", text(micro[1].tokens / tokens)),
    ]
  }()

  /// Host link against device memory, and when a swap hides behind compute.
  static let swapping: [Figure] = {
    let (pcie, hbm) = (32e9, 3e12)
    let (sequence, hidden, narrow) = (2048.0, 12288.0, 1024.0)
    let layerInput = 2 * sequence * hidden  // one sequence, 2-byte elements
    // A transformer layer's forward does about 24·b·s·h² FLOPs (Narayanan et al. 2021) on an
    // input of 2·b·s·h bytes: 12·h FLOPs per byte.
    func breakEven(_ h: Double) -> Double { 12 * h * pcie }
    var figures = [
      // The inputs, so that the lesson's prose is checked against what the results used.
      Figure("pcie-bandwidth", "\(ByteFormatting.trimmed(pcie / 1e9, decimals: 0)) GB/s"),
      Figure("hbm-bandwidth", "\(ByteFormatting.trimmed(hbm / 1e12, decimals: 0)) TB/s"),
      Figure("swap-sequence", ByteFormatting.trimmed(sequence, decimals: 0)),
      Figure("swap-hidden-gpt3", ByteFormatting.trimmed(hidden, decimals: 0)),
      Figure("swap-hidden-narrow", ByteFormatting.trimmed(narrow, decimals: 0)),
      Figure("hbm-over-pcie", ByteFormatting.trimmed(hbm / pcie, decimals: 0)),
      Figure("gpt3-layer-input", ByteFormatting.decimal(layerInput)),
      Figure(
        "gpt3-layer-input-pcie",
        "\(ByteFormatting.trimmed(layerInput / pcie * 1e3, decimals: 2)) ms"),
      Figure(
        "gpt3-layer-input-hbm", "\(ByteFormatting.trimmed(layerInput / hbm * 1e6, decimals: 2)) µs"),
      Figure("flops-per-byte-gpt3", "\(Int(12 * hidden))"),
      Figure("swap-break-even-gpt3", flops(breakEven(hidden))),
      Figure("swap-break-even-1024", flops(breakEven(narrow))),
    ]
    if let slow = try? SwapProblem.lessonExample(bandwidth: 1),
      let fast = try? SwapProblem.lessonExample(bandwidth: 2)
    {
      let best = SwapTimeline.best(slow)
      let total = slow.layers.reduce(0) { $0 + $1.activationBytes }
      // The example's inputs: each layer's row of the table, the budget and both bandwidths.
      for (index, layer) in slow.layers.enumerated() {
        figures += [
          Figure("swap-layer-\(index)-forward", milliseconds(layer.forwardSeconds, unit: false)),
          Figure("swap-layer-\(index)-backward", milliseconds(layer.backwardSeconds, unit: false)),
          Figure("swap-layer-\(index)-bytes", "\(layer.activationBytes)"),
        ]
      }
      figures += [
        Figure("swap-example-budget", "\(slow.memoryBudget) MB"),
        Figure("swap-example-bandwidth", "\(milliseconds(slow.bandwidth, unit: false)) MB/ms"),
        Figure("swap-example-fast-bandwidth", "\(milliseconds(fast.bandwidth, unit: false)) MB/ms"),
        Figure("swap-example-total", "\(total)"),
        Figure("swap-example-keep-all", milliseconds(SwapTimeline(slow, swapping: []).stepTime)),
        Figure("swap-example-best", milliseconds(best.timeline.stepTime)),
        Figure(
          "swap-example-best-layers", best.swapped.sorted().map(String.init).joined(separator: ", ")
        ),
        Figure(
          "swap-example-late", milliseconds(SwapTimeline(slow, swapping: [1, 2, 3]).stepTime)),
        Figure("swap-example-fast", milliseconds(SwapTimeline.best(fast).timeline.stepTime)),
      ]
    }
    return figures
  }()

  private static func milliseconds(_ value: Double, unit: Bool = true) -> String {
    ByteFormatting.trimmed(value, decimals: 2) + (unit ? " ms" : "")
  }

  private static func flops(_ value: Double) -> String {
    let units = [(1e15, "PFLOP/s"), (1e12, "TFLOP/s"), (1e9, "GFLOP/s")]
    for (scale, unit) in units where value >= scale {
      return "\(ByteFormatting.trimmed(value / scale, decimals: scale == 1e15 ? 2 : 0)) \(unit)"
    }
    return "\(ByteFormatting.trimmed(value, decimals: 0)) FLOP/s"
  }
}
