import Checkpointing

/// Reference solution of StoreAllBackprop.
public struct StoreAllBackpropagation: StoreAllBackprop {
  public init() {}

  public func step(_ chain: Chain, input: Tensor, targets: Tensor, store: ActivationStore) throws
    -> StepResult
  {
    try store.storeInput(input)
    for layer in 0..<chain.depth {
      try chain.forward(layer: layer, in: store)
    }
    let loss = try chain.loss(targets: targets, in: store)
    var gradient = loss.gradient
    var layers = [LayerGradients](
      repeating: LayerGradients(weights: [], bias: []), count: chain.depth)
    for layer in stride(from: chain.depth - 1, through: 0, by: -1) {
      let backward = try chain.backward(layer: layer, outputGradient: gradient, in: store)
      // Layer `layer` was the last reader of its output.
      try store.free(layer + 1)
      layers[layer] = backward.parameters
      gradient = backward.inputGradient
    }
    try store.free(0)
    return StepResult(loss: loss.value, gradients: Gradients(layers: layers))
  }
}
