#if canImport(CheckpointingSolutions)
  import Checkpointing
  import Foundation

  /// A segment schedule with one mistake, chosen by `mistake`; the layer code is the kit's, so
  /// every mutant's gradients are still bit-exact: only the store's meter can tell.
  struct SegmentMutant: CheckpointedStep {
    enum Mistake {
      /// Uses ⌊√N⌋ whatever K is asked for.
      case rootOfDepth
      /// Reads K as the number of segments: segment length ⌈N/K⌉.
      case lengthIsCount
      /// Puts the short segment first, as if cutting from the top.
      case remainderFirst
      /// Frees a segment's recomputed activations only at the end of the step.
      case keepsRecomputed
      /// Recomputes each segment from activation 0 instead of its own checkpoint.
      case recomputesFromInput
      /// Keeps every activation: a store-all step.
      case storesAll
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func step(
      _ chain: Chain, input: Tensor, targets: Tensor, segmentLength: Int, store: ActivationStore
    ) throws -> StepResult {
      let depth = chain.depth
      let starts = segmentStarts(depth: depth, length: max(1, segmentLength))
      let boundaries = Set(starts)
      try store.storeInput(input)
      for layer in 0..<depth {
        try chain.forward(layer: layer, in: store)
        if !boundaries.contains(layer) { try store.free(layer) }
      }
      let loss = try chain.loss(targets: targets, in: store)
      var gradient = loss.gradient
      var layers = [LayerGradients](repeating: LayerGradients(weights: [], bias: []), count: depth)
      var kept: [Int] = []
      for (position, start) in starts.enumerated().reversed() {
        let end = position + 1 < starts.count ? starts[position + 1] : depth
        let from = mistake == .recomputesFromInput ? 0 : start
        for layer in from..<(end - 1) where !store.contains(layer + 1) {
          try chain.forward(layer: layer, in: store)
          // Below the segment, keep only the checkpoints again.
          if layer < start && !boundaries.contains(layer) { try store.free(layer) }
        }
        for layer in stride(from: end - 1, through: start, by: -1) {
          let backward = try chain.backward(layer: layer, outputGradient: gradient, in: store)
          if mistake == .keepsRecomputed && layer + 1 < end {
            kept.append(layer + 1)
          } else {
            try store.free(layer + 1)
          }
          layers[layer] = backward.parameters
          gradient = backward.inputGradient
        }
      }
      for index in kept { try store.free(index) }
      try store.free(0)
      return StepResult(loss: loss.value, gradients: Gradients(layers: layers))
    }

    /// The first layer of each segment, in increasing order, under the mutant's reading of K.
    private func segmentStarts(depth: Int, length: Int) -> [Int] {
      switch mistake {
      case .rootOfDepth:
        return Array(stride(from: 0, to: depth, by: max(1, Int(Double(depth).squareRoot()))))
      case .lengthIsCount:
        return Array(stride(from: 0, to: depth, by: (depth + length - 1) / length))
      case .remainderFirst:
        let remainder = depth % length
        return remainder == 0
          ? Array(stride(from: 0, to: depth, by: length))
          : [0] + Array(stride(from: remainder, to: depth, by: length))
      case .keepsRecomputed, .recomputesFromInput:
        return Array(stride(from: 0, to: depth, by: length))
      case .storesAll:
        return Array(0..<depth)
      }
    }
  }
#endif
