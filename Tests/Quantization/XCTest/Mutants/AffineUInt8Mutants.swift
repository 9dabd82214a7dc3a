#if canImport(QuantizationSolutions)
  import Quantization

  /// Affine uint8 quantization with one mistake, chosen by `mistake`.
  struct AffineMutant: AffineUInt8 {
    enum Mistake {
      /// Rounds x / scale + zeroPoint instead of adding the zero point after rounding.
      case roundsAfterZeroPoint
      /// Calibrates on [min, max] without widening it to contain 0.
      case noWidening
      /// Divides the range by 256, the number of codes, instead of 255, the number of steps.
      case scaleOver256
      /// Rounds ties away from zero.
      case tiesAwayFromZero
      /// Reads codes back as scale × q, forgetting the zero point.
      case dequantizeWithoutZeroPoint
      /// Wraps out-of-range codes modulo 256 instead of clamping them.
      case wraps
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func parameters(for values: [Float]) throws -> (scale: Float, zeroPoint: Int) {
      try requireFinite(values)
      let widen = mistake != .noWidening
      let low = widen ? Swift.min(values.min() ?? 0, 0) : values.min() ?? 0
      let high = widen ? Swift.max(values.max() ?? 0, 0) : values.max() ?? 0
      let steps: Float = mistake == .scaleOver256 ? 256 : 255
      let scale = Swift.max((high - low) / steps, QuantizationLimits.minimumScale)
      let zeroPoint = -Int((low / scale).rounded(rule))
      return (scale, Swift.min(Swift.max(zeroPoint, 0), 255))
    }

    func quantize(_ values: [Float], scale: Float, zeroPoint: Int) throws -> [UInt8] {
      guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
      guard (0...255).contains(zeroPoint) else {
        throw QuantizationError.invalidZeroPoint(zeroPoint)
      }
      try requireFinite(values)
      let shift = Float(zeroPoint)
      return values.map { x in
        let code =
          mistake == .roundsAfterZeroPoint
          ? (x / scale + shift).rounded(rule) : (x / scale).rounded(rule) + shift
        guard mistake == .wraps else { return UInt8(Swift.min(Swift.max(code, 0), 255)) }
        // Bounded first so that the conversion to Int cannot trap on a huge quotient.
        return UInt8(truncatingIfNeeded: Int(Swift.min(Swift.max(code, -1e9), 1e9)))
      }
    }

    func dequantize(_ codes: [UInt8], scale: Float, zeroPoint: Int) throws -> [Float] {
      guard scale.isFinite, scale > 0 else { throw QuantizationError.invalidScale(scale) }
      guard (0...255).contains(zeroPoint) else {
        throw QuantizationError.invalidZeroPoint(zeroPoint)
      }
      let shift = mistake == .dequantizeWithoutZeroPoint ? 0 : zeroPoint
      return codes.map { scale * Float(Int($0) - shift) }
    }

    func quantize(_ values: [Float]) throws -> QuantizedTensor<UInt8> {
      let (scale, zeroPoint) = try parameters(for: values)
      return QuantizedTensor(
        q: try quantize(values, scale: scale, zeroPoint: zeroPoint), scale: scale,
        zeroPoint: zeroPoint)
    }

    private var rule: FloatingPointRoundingRule {
      mistake == .tiesAwayFromZero ? .toNearestOrAwayFromZero : .toNearestOrEven
    }

    private func requireFinite(_ values: [Float]) throws {
      if let bad = values.firstIndex(where: { !$0.isFinite }) {
        throw QuantizationError.nonFiniteValue(index: bad)
      }
    }
  }
#endif
