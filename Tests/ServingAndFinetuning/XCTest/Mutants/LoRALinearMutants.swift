#if canImport(ServingAndFinetuningSolutions)
  import ServingAndFinetuning
  import ServingAndFinetuningSolutions

  /// A LoRA layer with one mistake, chosen by `mistake`.
  struct LoRALinearMutant: LoRALinear {
    enum Mistake {
      /// Scales the adapter by α instead of α / r.
      case scaleAlpha
      /// Also stores a (zero) gradient for the frozen W.
      case storesWGradient
      /// ∂L/∂x leaves out the adapter's path: g·W only.
      case inputGradientFrozenOnly
      /// Starts B random instead of zero.
      case randomB
      /// Counts r·dIn + dOut trainable parameters.
      case countForgetsRank
      /// ∂L/∂B without the factor α / r.
      case unscaledGradB
    }

    let mistake: Mistake
    private let solution = LoRALayer()

    init(_ mistake: Mistake) { self.mistake = mistake }

    private func effective(_ layer: LoRAWeights) -> LoRAWeights {
      var layer = layer
      if mistake == .scaleAlpha { layer.alpha *= Float(layer.rank) }
      return layer
    }

    func makeAdapter(
      w: [Float], dIn: Int, dOut: Int, rank: Int, alpha: Float, seed: UInt64
    ) throws -> LoRAWeights {
      var layer = try solution.makeAdapter(
        w: w, dIn: dIn, dOut: dOut, rank: rank, alpha: alpha, seed: seed)
      if mistake == .randomB {
        layer.b = (0..<layer.b.count).map { layer.a[$0 % layer.a.count] }
      }
      return layer
    }

    func forward(_ layer: LoRAWeights, input: [Float], batch: Int) throws -> [Float] {
      try solution.forward(effective(layer), input: input, batch: batch)
    }

    func backward(
      _ layer: LoRAWeights, input: [Float], batch: Int, outputGradient: [Float],
      gradients: GradientStore
    ) throws -> [Float] {
      let scratch = GradientStore()
      var dx = try solution.backward(
        effective(layer), input: input, batch: batch, outputGradient: outputGradient,
        gradients: scratch)
      var gradB = scratch.gradient("B") ?? []
      if mistake == .unscaledGradB { gradB = gradB.map { $0 / layer.scaling } }
      try gradients.store("A", scratch.gradient("A") ?? [])
      try gradients.store("B", gradB)
      if mistake == .storesWGradient {
        try gradients.store("W", [Float](repeating: 0, count: layer.w.count))
      }
      if mistake == .inputGradientFrozenOnly {
        var frozen = layer
        frozen.b = [Float](repeating: 0, count: layer.b.count)
        dx = try solution.backward(
          frozen, input: input, batch: batch, outputGradient: outputGradient,
          gradients: GradientStore())
      }
      return dx
    }

    func trainableParameters(dIn: Int, dOut: Int, rank: Int) throws -> Int {
      let count = try solution.trainableParameters(dIn: dIn, dOut: dOut, rank: rank)
      return mistake == .countForgetsRank ? rank * dIn + dOut : count
    }
  }
#endif
