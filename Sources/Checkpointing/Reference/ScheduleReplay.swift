// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The three schedules the lesson compares, replayed on a real chain and a real
/// `ActivationStore`, so the figures and pictures are measurements, not formulas.
///
/// Kept internal: the exercises ask you to write the first two yourself, with the gradients.
enum Schedule: Equatable {
  /// Keep every activation.
  case storeAll
  /// Keep activations 0, K, 2K, … and the output; recompute each segment in backward.
  case segments(Int)
  /// Keep only the input and the output; before each layer's backward, recompute its input
  /// from the network's input.
  case recomputeAll

  /// Every store operation of one step on a chain of `depth` layers, with `.turn` where the
  /// forward pass ends.
  func operations(depth: Int) -> [ReplayStep] {
    switch self {
    case .storeAll: return Schedule.segments(1).operations(depth: depth)
    case .segments(let length):
      var steps: [ReplayStep] = [.input]
      for layer in 0..<depth {
        steps.append(.forward(layer))
        if layer % length != 0 { steps.append(.free(layer)) }
      }
      steps.append(.turn)
      for start in stride(from: (depth - 1) / length * length, through: 0, by: -length) {
        let end = min(start + length, depth)
        for layer in start..<(end - 1) { steps.append(.forward(layer)) }
        for layer in (start..<end).reversed() { steps += [.backward(layer), .free(layer + 1)] }
      }
      return steps + [.free(0)]
    case .recomputeAll:
      var steps: [ReplayStep] = [.input]
      for layer in 0..<depth {
        steps.append(.forward(layer))
        if layer > 0 { steps.append(.free(layer)) }
      }
      steps.append(.turn)
      for layer in (0..<depth).reversed() {
        for below in 0..<layer {
          steps.append(.forward(below))
          if below > 0 { steps.append(.free(below)) }
        }
        steps += [.backward(layer), .free(layer + 1)]
      }
      return steps + [.free(0)]
    }
  }

  /// Runs one step of this schedule on `chain` and returns the store that metered it.
  func replay(on chain: Chain, input: Tensor, targets: Tensor) throws -> Replay {
    let store = ActivationStore()
    var gradient = Tensor.zeros(rows: 0, columns: 0)
    var liveAtTurn = 0
    for step in operations(depth: chain.depth) {
      switch step {
      case .input: try store.storeInput(input)
      case .forward(let layer): try chain.forward(layer: layer, in: store)
      case .free(let index): try store.free(index)
      case .turn:
        liveAtTurn = store.liveCount
        gradient = try chain.loss(targets: targets, in: store).gradient
      case .backward(let layer):
        gradient = try chain.backward(layer: layer, outputGradient: gradient, in: store)
          .inputGradient
      }
    }
    return Replay(store: store, liveAtTurn: liveAtTurn, depth: chain.depth)
  }

  /// One step of this schedule on a chain of `depth` one-feature layers and a one-row batch:
  /// enough to count activations.
  func replay(depth: Int) throws -> Replay {
    let chain = try Chain.uniform(
      depth: depth, width: 1, inputWidth: 1, outputWidth: 1, loss: .meanSquaredError, seed: 1)
    return try replay(
      on: chain, input: Tensor(rows: 1, columns: 1, values: [0.5]),
      targets: Tensor(rows: 1, columns: 1, values: [0.25]))
  }
}

/// One entry of a schedule.
enum ReplayStep: Equatable {
  case input
  case forward(Int)
  case backward(Int)
  case free(Int)
  case turn
}

/// What the store measured during one replayed step.
struct Replay {
  let store: ActivationStore
  /// Activations live when the forward pass ended.
  let liveAtTurn: Int
  let depth: Int

  /// Layer forwards beyond the N of the forward pass.
  var extraForwards: Int { store.forwardCalls - depth }
}
