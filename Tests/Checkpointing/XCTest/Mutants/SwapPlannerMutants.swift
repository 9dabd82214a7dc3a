#if canImport(CheckpointingSolutions)
  import Checkpointing
  import CheckpointingSolutions

  /// The swap planner with one mistake, chosen by `mistake`.
  struct SwapMutant: SwapPlanner {
    enum Mistake {
      /// Starts a swap-in only when the backward above has ended, not when it has started.
      case noPrefetch
      /// Gives swap-outs and swap-ins a link each, so swap-ins never queue behind swap-outs.
      case twoLinks
      /// Lets swap-outs cost nothing on the link.
      case freeSwapOuts
      /// Plans greedily: swaps the largest activations until the rest fits.
      case greedyLargest
      /// Treats a budget as something to stay strictly under.
      case strictBudget
      /// Reports the swapped bytes as the kept ones.
      case keptIsSwapped
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func stepTime(_ problem: SwapProblem, swapping swapped: Set<Int>) throws -> Double {
      let layers = problem.layers
      var clock = 0.0
      var forwardEnd: [Double] = []
      for layer in layers {
        clock += layer.forwardSeconds
        forwardEnd.append(clock)
      }
      func transfer(_ index: Int) -> Double {
        Double(layers[index].activationBytes) / problem.bandwidth
      }
      var link = 0.0
      if mistake != .freeSwapOuts {
        for index in swapped.sorted() { link = max(link, forwardEnd[index]) + transfer(index) }
      }
      if mistake == .twoLinks { link = 0 }
      var compute = clock
      var reached = clock
      for index in layers.indices.reversed() {
        var start = compute
        if swapped.contains(index) {
          link = max(link, mistake == .noPrefetch ? compute : reached) + transfer(index)
          start = max(start, link)
        }
        reached = start
        compute = start + layers[index].backwardSeconds
      }
      return compute
    }

    func plan(_ problem: SwapProblem) throws -> SwapPlan {
      let count = problem.layers.count
      let bytes = problem.layers.map(\.activationBytes)
      func kept(_ swapped: Set<Int>) -> Int {
        (0..<count).filter { !swapped.contains($0) }.reduce(0) { $0 + bytes[$1] }
      }
      var best: SwapPlan
      switch mistake {
      case .greedyLargest:
        var swapped: Set<Int> = []
        for index in (0..<count).sorted(by: { bytes[$0] > bytes[$1] })
        where kept(swapped) > problem.memoryBudget {
          swapped.insert(index)
        }
        best = SwapPlan(
          swapped: swapped, stepSeconds: try stepTime(problem, swapping: swapped),
          keptBytes: kept(swapped))
      case .strictBudget:
        best = try ActivationSwapPlanner().plan(
          SwapProblem(
            layers: problem.layers, bandwidth: problem.bandwidth,
            memoryBudget: max(0, problem.memoryBudget - 1)))
      default:
        best = try ActivationSwapPlanner().plan(problem)
        best.stepSeconds = try stepTime(problem, swapping: best.swapped)
      }
      if mistake == .keptIsSwapped {
        best.keptBytes = bytes.reduce(0, +) - best.keptBytes
      }
      return best
    }
  }
#endif
