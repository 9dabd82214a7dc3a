import Checkpointing

/// Reference solution of CheckpointedStep.
public struct SegmentCheckpointing: CheckpointedStep {
  public init() {}

  public func step(
    _ chain: Chain, input: Tensor, targets: Tensor, segmentLength: Int, store: ActivationStore
  ) throws -> StepResult {
    let depth = chain.depth
    let length = max(1, segmentLength)
    // Forward: keep activation i only if it starts a segment; the output is always kept.
    try store.storeInput(input)
    for layer in 0..<depth {
      try chain.forward(layer: layer, in: store)
      if layer % length != 0 { try store.free(layer) }
    }
    let loss = try chain.loss(targets: targets, in: store)
    var gradient = loss.gradient
    var layers = [LayerGradients](repeating: LayerGradients(weights: [], bias: []), count: depth)
    // Backward, one segment at a time, last first.
    for start in stride(from: (depth - 1) / length * length, through: 0, by: -length) {
      let end = min(start + length, depth)
      // Recompute the segment's inner activations; its output `end` is still stored.
      for layer in start..<(end - 1) {
        try chain.forward(layer: layer, in: store)
      }
      for layer in stride(from: end - 1, through: start, by: -1) {
        let backward = try chain.backward(layer: layer, outputGradient: gradient, in: store)
        try store.free(layer + 1)
        layers[layer] = backward.parameters
        gradient = backward.inputGradient
      }
    }
    try store.free(0)
    return StepResult(loss: loss.value, gradients: Gradients(layers: layers))
  }
}
