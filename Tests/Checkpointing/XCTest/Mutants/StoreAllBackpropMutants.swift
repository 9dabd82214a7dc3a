#if canImport(CheckpointingSolutions)
  import Checkpointing

  // StoreAllBackprop mutants: the store-all step with one mistake each.

  /// The step with its choices as knobs; every mutant turns exactly one.
  private func storeAllStep(
    _ chain: Chain, _ input: Tensor, _ targets: Tensor, _ store: ActivationStore,
    chainsGradient: Bool = true, collectsInOrder: Bool = true, frees: Bool = true,
    freesInput: Bool = true, firstLayer: Int = 0, freesFirst: Bool = false
  ) throws -> StepResult {
    try store.storeInput(input)
    for layer in 0..<chain.depth { try chain.forward(layer: layer, in: store) }
    let loss = try chain.loss(targets: targets, in: store)
    var gradient = loss.gradient
    var collected: [LayerGradients] = []
    var layers = [LayerGradients](
      repeating: LayerGradients(weights: [], bias: []), count: chain.depth)
    for layer in stride(from: chain.depth - 1, through: firstLayer, by: -1) {
      if freesFirst { try store.free(layer + 1) }
      let backward = try chain.backward(
        layer: layer, outputGradient: chainsGradient ? gradient : loss.gradient, in: store)
      if frees && !freesFirst { try store.free(layer + 1) }
      layers[layer] = backward.parameters
      collected.append(backward.parameters)
      gradient = backward.inputGradient
    }
    if frees && firstLayer > 0 {
      for index in 1...firstLayer { try store.free(index) }
    }
    if frees && freesInput { try store.free(0) }
    return StepResult(
      loss: loss.value, gradients: Gradients(layers: collectsInOrder ? layers : collected))
  }

  /// A store-all step with one mistake: `step`, made from `storeAllStep` with one knob turned.
  struct StoreAllMutant: StoreAllBackprop, Sendable {
    let mistake: @Sendable (Chain, Tensor, Tensor, ActivationStore) throws -> StepResult

    func step(_ chain: Chain, input: Tensor, targets: Tensor, store: ActivationStore) throws
      -> StepResult
    { try mistake(chain, input, targets, store) }
  }

  extension StoreAllMutant {
    /// Hands the loss's gradient to every layer instead of the gradient from the layer above.
    static let lossGradientEverywhere = StoreAllMutant {
      try storeAllStep($0, $1, $2, $3, chainsGradient: false)
    }

    /// Appends each layer's gradient as the backward produces it: last layer first.
    static let gradientsInBackwardOrder = StoreAllMutant {
      try storeAllStep($0, $1, $2, $3, collectsInOrder: false)
    }

    /// Frees nothing: right gradients, a store that still holds everything.
    static let neverFrees = StoreAllMutant { try storeAllStep($0, $1, $2, $3, frees: false) }

    /// Frees every layer's output but forgets the input, activation 0.
    static let keepsInput = StoreAllMutant { try storeAllStep($0, $1, $2, $3, freesInput: false) }

    /// Stops the backward at layer 1, since "nothing below layer 0 needs its input gradient".
    static let skipsFirstLayerBackward = StoreAllMutant { chain, input, targets, store in
      guard chain.depth > 1 else { return try storeAllStep(chain, input, targets, store) }
      var result = try storeAllStep(chain, input, targets, store, firstLayer: 1)
      let first = chain.layers[0]
      result.gradients.layers[0] = LayerGradients(
        weights: [Double](repeating: 0, count: first.weights.count),
        bias: [Double](repeating: 0, count: first.bias.count))
      return result
    }

    /// Frees a layer's output before running the backward that still reads it.
    static let freesBeforeBackward = StoreAllMutant {
      try storeAllStep($0, $1, $2, $3, freesFirst: true)
    }
  }
#endif
