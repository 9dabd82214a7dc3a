#if canImport(QuantizationSolutions)
  import Quantization
  import QuantizationSolutions

  /// Weight-only int8 inference with one mistake, chosen by `mistake`.
  struct InferenceMutant: QuantizedInference {
    enum Mistake {
      /// Multiplies each weight by its scale inside the sum: Σ (s·q)·x, close but not the bits.
      case dequantizedWeights
      /// Accumulates Σ q·x in Double and rounds once at the end: close but not the bits.
      case doubleAccumulator
      /// Adds the bias before the scale: s × (Σ q·x + b).
      case biasBeforeScale
      /// Applies ReLU after the last layer too.
      case reluOnLastLayer
      /// Quantizes each matrix with one scale for all its rows.
      case perTensorScale
      /// Counts the codes and biases in the report but forgets the scales.
      case reportWithoutScales
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func quantize(_ model: DenseMLP) throws -> QuantizedMLP {
      let reference = try QuantizedMLPRunner().quantize(model)
      guard mistake == .perTensorScale else { return reference }
      return try QuantizedMLP(
        layers: model.layers.map { layer in
          let whole = try SymmetricInt8Quantizer().quantize(layer.weights)
          return try QuantizedDenseLayer(
            weights: PerChannelQuantizedTensor(
              rows: layer.outputs, columns: layer.inputs, q: whole.q,
              scales: Array(repeating: whole.scale, count: layer.outputs)),
            bias: layer.bias)
        })
    }

    func forward(_ model: QuantizedMLP, input: [Float], batch: Int) throws -> [Float] {
      // The reference refuses bad input; the mutant then redoes the arithmetic.
      _ = try QuantizedMLPRunner().forward(model, input: input, batch: batch)
      var activations = input
      for (index, layer) in model.layers.enumerated() {
        let (inputs, outputs) = (layer.inputs, layer.outputs)
        let x = activations
        activations = (0..<batch * outputs).map { position in
          let (b, o) = position.quotientAndRemainder(dividingBy: outputs)
          let scale = layer.weights.scales[o]
          let row = (0..<inputs).map {
            (Float(layer.weights.q[o * inputs + $0]), x[b * inputs + $0])
          }
          let y: Float
          switch mistake {
          case .dequantizedWeights:
            y = row.reduce(Float(0)) { $0 + scale * $1.0 * $1.1 } + layer.bias[o]
          case .doubleAccumulator:
            let sum = row.reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            y = scale * Float(sum) + layer.bias[o]
          case .biasBeforeScale:
            y = scale * (row.reduce(Float(0)) { $0 + $1.0 * $1.1 } + layer.bias[o])
          default:
            y = scale * row.reduce(Float(0)) { $0 + $1.0 * $1.1 } + layer.bias[o]
          }
          let last = index == model.layers.count - 1 && mistake != .reluOnLastLayer
          return last ? y : Swift.max(0, y)
        }
      }
      return activations
    }

    func report(_ model: DenseMLP, input: [Float], batch: Int) throws -> QuantizedInferenceReport {
      let quantized = try quantize(model)
      let approximate = try forward(quantized, input: input, batch: batch)
      let exact = try model.forward(input, batch: batch)
      let scales = quantized.layers.reduce(0) { $0 + 4 * $1.weights.scales.count }
      return QuantizedInferenceReport(
        maxAbsoluteError: zip(approximate, exact).reduce(Float(0)) {
          Swift.max($0, abs($1.0 - $1.1))
        },
        floatBytes: model.storageBytes,
        quantizedBytes: quantized.storageBytes - (mistake == .reportWithoutScales ? scales : 0))
    }
  }
#endif
