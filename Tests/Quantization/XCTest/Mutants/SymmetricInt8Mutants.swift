#if canImport(QuantizationSolutions)
  import Quantization

  /// Absmax int8 quantization with one mistake, chosen by `mistake`.
  struct SymmetricMutant: SymmetricInt8 {
    enum Mistake {
      /// Divides absmax by 127.5, PyTorch's symmetric observer's choice, not the lesson's.
      case scaleOver127Point5
      /// Calls LLM.int8's 127 / absmax the scale (and multiplies by it).
      case inverseScale
      /// Rounds ties away from zero, as `.rounded()` does.
      case tiesAwayFromZero
      /// Truncates toward zero, as converting a Float to an integer does.
      case truncates
      /// Clamps to −128...127, the full int8 range.
      case allowsMinus128
      /// Leaves out the 2⁻²³ floor: an all-zero tensor gets scale 0.
      case noMinimumScale
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func scale(for values: [Float]) throws -> Float {
      if let bad = values.firstIndex(where: { !$0.isFinite }) {
        throw QuantizationError.nonFiniteValue(index: bad)
      }
      let absmax = values.reduce(Float(0)) { Swift.max($0, $1.magnitude) }
      switch mistake {
      case .scaleOver127Point5: return Swift.max(absmax / 127.5, QuantizationLimits.minimumScale)
      case .inverseScale: return absmax == 0 ? 1 : 127 / absmax
      case .noMinimumScale: return absmax / 127
      default: return Swift.max(absmax / 127, QuantizationLimits.minimumScale)
      }
    }

    func quantize(_ values: [Float], scale: Float) throws -> [Int8] {
      guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
      return try codes(values, scale)
    }

    func dequantize(_ codes: [Int8], scale: Float) throws -> [Float] {
      guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
      return codes.map { mistake == .inverseScale ? Float($0) / scale : Float($0) * scale }
    }

    func quantize(_ values: [Float]) throws -> QuantizedTensor<Int8> {
      let scale = try scale(for: values)
      return QuantizedTensor(q: try codes(values, scale), scale: scale, zeroPoint: 0)
    }

    private func codes(_ values: [Float], _ scale: Float) throws -> [Int8] {
      if let bad = values.firstIndex(where: { !$0.isFinite }) {
        throw QuantizationError.nonFiniteValue(index: bad)
      }
      let rule: FloatingPointRoundingRule =
        switch mistake {
        case .tiesAwayFromZero: .toNearestOrAwayFromZero
        case .truncates: .towardZero
        default: .toNearestOrEven
        }
      let low: Float = mistake == .allowsMinus128 ? -128 : -127
      return values.map { x in
        var t = mistake == .inverseScale ? x * scale : x / scale
        // 0 / 0 is NaN: keep the mutant wrong without trapping in the conversion.
        if t.isNaN { t = 0 }
        return Int8(Swift.min(Swift.max(t.rounded(rule), low), 127))
      }
    }
  }
#endif
