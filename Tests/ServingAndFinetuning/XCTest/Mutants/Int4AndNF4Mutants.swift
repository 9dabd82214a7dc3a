#if canImport(ServingAndFinetuningSolutions)
  import ServingAndFinetuning
  import ServingAndFinetuningSolutions

  /// 4-bit quantization with one mistake, chosen by `mistake`.
  struct BlockwiseMutant: Int4AndNF4 {
    enum Mistake {
      /// Puts the even element in the high nibble.
      case swappedNibbles
      /// Rounds int4 ties away from zero.
      case tiesAwayFromZero
      /// One int4 scale for the whole tensor, whatever the group size.
      case oneScale
      /// Uses absmax / 8 and codes −8 … 7, the full int4 range.
      case scaleOverEight
      /// Keeps one fp32 constant per block: no double quantization.
      case noDoubleQuantization
      /// Rounds the 8-bit constants to nearest instead of up.
      case constantsToNearest
    }

    let mistake: Mistake
    private let solution = BlockQuantizer()

    init(_ mistake: Mistake) { self.mistake = mistake }

    func quantizeInt4(_ values: [Float], groupSize: Int) throws -> Int4Weights {
      var result = try solution.quantizeInt4(values, groupSize: groupSize)
      switch mistake {
      case .swappedNibbles:
        result.packed = result.packed.map { $0 << 4 | $0 >> 4 }
      case .tiesAwayFromZero, .oneScale, .scaleOverEight:
        let size = mistake == .oneScale ? max(1, values.count) : groupSize
        var codes: [UInt8] = []
        var scales: [UInt16] = []
        for start in stride(from: 0, to: values.count, by: size) {
          let group = values[start..<min(values.count, start + size)]
          let absmax = group.map(\.magnitude).max() ?? 0
          let bits = HalfBits.encode(mistake == .scaleOverEight ? absmax / 8 : absmax / 7)
          scales.append(bits)
          let scale = HalfBits.decode(bits)
          let low: Float = mistake == .scaleOverEight ? -8 : -7
          let rule: FloatingPointRoundingRule =
            mistake == .tiesAwayFromZero ? .toNearestOrAwayFromZero : .toNearestOrEven
          for x in group {
            codes.append(
              UInt8(Int(scale == 0 ? 0 : min(max((x / scale).rounded(rule), low), 7)) + 8))
          }
        }
        if mistake == .oneScale {
          let groups = (values.count + groupSize - 1) / groupSize
          scales = Array(repeating: scales.first ?? 0, count: groups)
        }
        result.packed = stride(from: 0, to: codes.count, by: 2).map {
          codes[$0] | ($0 + 1 < codes.count ? codes[$0 + 1] : 0) << 4
        }
        result.scales = scales
      default: break
      }
      return result
    }

    func dequantize(_ weights: Int4Weights) throws -> [Float] {
      var weights = weights
      if mistake == .swappedNibbles { weights.packed = weights.packed.map { $0 << 4 | $0 >> 4 } }
      return try solution.dequantize(weights)
    }

    func quantizeNF4(_ values: [Float]) throws -> NF4Weights {
      var result = try solution.quantizeNF4(values)
      let blocks = stride(from: 0, to: values.count, by: 64).map {
        values[$0..<min(values.count, $0 + 64)].map(\.magnitude).max() ?? 0
      }
      switch mistake {
      case .noDoubleQuantization:
        // Each constant is its own fp32 scale with code 1: 32 bits per block.
        result.constantCodes = blocks.map { _ in 1 }
        result.constantScales = blocks
      case .constantsToNearest:
        result.constantCodes = blocks.enumerated().map { index, c in
          let scale = result.constantScales[index / 256]
          return scale == 0 ? 0 : UInt8(min(255, (c / scale).rounded()))
        }
      default: break
      }
      return result
    }

    func dequantize(_ weights: NF4Weights) throws -> [Float] {
      if mistake == .noDoubleQuantization {
        let codes = weights.packed.flatMap { [$0 & 15, $0 >> 4] }.prefix(weights.count)
        return codes.enumerated().map { NF4.levels[Int($1)] * weights.constantScales[$0 / 64] }
      }
      return try solution.dequantize(weights)
    }
  }
#endif
