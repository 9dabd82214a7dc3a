extension SwapProblem {
  /// The lesson's worked example: four layers, with times read as milliseconds, sizes as
  /// megabytes and the bandwidth as megabytes per millisecond (any consistent units work).
  ///
  /// Forward times 2, 2, 1, 1; backward times twice those; activations 6, 2, 3 and 1; a budget
  /// of 6, half of the 12 a store-all step keeps.
  public static func lessonExample(bandwidth: Double = 1) throws -> SwapProblem {
    let layers = try [(2.0, 6), (2.0, 2), (1.0, 3), (1.0, 1)].map {
      try SwapLayer(forwardSeconds: $0.0, backwardSeconds: 2 * $0.0, activationBytes: $0.1)
    }
    return try SwapProblem(layers: layers, bandwidth: bandwidth, memoryBudget: 6)
  }
}

/// The swap cost model played out, interval by interval, for the lesson's figures and picture.
struct SwapTimeline {
  /// What an interval is.
  enum Kind: Equatable {
    case forward, backward, swapOut, swapIn
  }

  /// One busy interval of the compute stream or the link.
  struct Interval {
    let kind: Kind
    let layer: Int
    let start: Double
    let end: Double
  }

  let intervals: [Interval]
  let stepTime: Double
  let keptBytes: Int

  init(_ problem: SwapProblem, swapping swapped: Set<Int>) {
    var intervals: [Interval] = []
    var clock = 0.0
    var forwardEnd: [Double] = []
    for (index, layer) in problem.layers.enumerated() {
      intervals.append(
        Interval(kind: .forward, layer: index, start: clock, end: clock + layer.forwardSeconds))
      clock += layer.forwardSeconds
      forwardEnd.append(clock)
    }
    var link = 0.0
    func transfer(_ kind: Kind, _ index: Int, after ready: Double) -> Double {
      let start = max(link, ready)
      link = start + Double(problem.layers[index].activationBytes) / problem.bandwidth
      intervals.append(Interval(kind: kind, layer: index, start: start, end: link))
      return link
    }
    for index in problem.layers.indices where swapped.contains(index) {
      _ = transfer(.swapOut, index, after: forwardEnd[index])
    }
    var reached = clock
    for index in problem.layers.indices.reversed() {
      var start = clock
      if swapped.contains(index) { start = max(start, transfer(.swapIn, index, after: reached)) }
      reached = start
      clock = start + problem.layers[index].backwardSeconds
      intervals.append(Interval(kind: .backward, layer: index, start: start, end: clock))
    }
    self.intervals = intervals
    stepTime = clock
    keptBytes = problem.layers.indices.filter { !swapped.contains($0) }
      .reduce(0) { $0 + problem.layers[$1].activationBytes }
  }

  /// The fastest subset whose kept bytes fit the budget (every subset tried: the example is
  /// small).
  static func best(_ problem: SwapProblem) -> (swapped: Set<Int>, timeline: SwapTimeline) {
    var best: (Set<Int>, SwapTimeline)?
    for mask in 0..<(1 << problem.layers.count) {
      let swapped = Set(problem.layers.indices.filter { mask >> $0 & 1 == 1 })
      let timeline = SwapTimeline(problem, swapping: swapped)
      guard timeline.keptBytes <= problem.memoryBudget else { continue }
      if let current = best, current.1.stepTime <= timeline.stepTime { continue }
      best = (swapped, timeline)
    }
    return best ?? ([], SwapTimeline(problem, swapping: []))
  }
}
