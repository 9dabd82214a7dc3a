#if canImport(QuantizationSolutions)
  import Quantization
  import QuantizationSolutions

  /// The int8 matrix product with one mistake, chosen by `mistake`.
  struct MatMulMutant: Int8MatMul {
    enum Mistake {
      /// Accumulates in Int16, which wraps (written with &+ so that it wraps instead of trapping).
      case int16Accumulator
      /// Reads b as if it were stored column by column.
      case transposedB
      /// Requantizes by truncating toward zero.
      case truncatingRequantize
      /// Requantizes with ties away from zero.
      case tiesAwayRequantize
      /// Requantizes in fp32 instead of Double.
      case floatRequantize
      /// Clamps requantized codes to −128...127.
      case allowsMinus128
      /// Uses the inverse multiplier, s_out / (s_a × s_b).
      case invertedMultiplier
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func multiply(_ a: [Int8], _ b: [Int8], m: Int, k: Int, n: Int) throws -> [Int32] {
      // The reference refuses bad shapes and depths; the mutant then redoes the sums.
      let reference = try Int8MatrixMultiplier().multiply(a, b, m: m, k: k, n: n)
      switch mistake {
      case .int16Accumulator:
        return (0..<m * n).map { index in
          let (i, j) = (index / n, index % n)
          var sum: Int16 = 0
          for l in 0..<k { sum &+= Int16(a[i * k + l]) &* Int16(b[l * n + j]) }
          return Int32(sum)
        }
      case .transposedB:
        return (0..<m * n).map { index in
          let (i, j) = (index / n, index % n)
          return (0..<k).reduce(Int32(0)) { $0 + Int32(a[i * k + $1]) * Int32(b[j * k + $1]) }
        }
      default:
        return reference
      }
    }

    func requantize(_ accumulators: [Int32], multiplier: Double) throws -> [Int8] {
      guard multiplier.isFinite, multiplier > 0 else {
        throw QuantizationError.invalidMultiplier(multiplier)
      }
      return accumulators.map { accumulator in
        let code: Double
        switch mistake {
        case .truncatingRequantize:
          code = (Double(accumulator) * multiplier).rounded(.towardZero)
        case .tiesAwayRequantize:
          code = (Double(accumulator) * multiplier).rounded(.toNearestOrAwayFromZero)
        case .floatRequantize:
          code = Double((Float(accumulator) * Float(multiplier)).rounded(.toNearestOrEven))
        default:
          code = (Double(accumulator) * multiplier).rounded(.toNearestOrEven)
        }
        let low: Double = mistake == .allowsMinus128 ? -128 : -127
        return Int8(Swift.min(Swift.max(code, low), 127))
      }
    }

    func multiply(
      _ a: QuantizedTensor<Int8>, _ b: QuantizedTensor<Int8>, m: Int, k: Int, n: Int,
      outputScale: Float
    ) throws -> QuantizedTensor<Int8> {
      let reference = try Int8MatrixMultiplier().multiply(
        a, b, m: m, k: k, n: n, outputScale: outputScale)
      let product = Double(a.scale) * Double(b.scale)
      let multiplier =
        mistake == .invertedMultiplier
        ? Double(outputScale) / product : product / Double(outputScale)
      let q = try requantize(
        try multiply(a.q, b.q, m: m, k: k, n: n), multiplier: multiplier)
      return QuantizedTensor(q: q, scale: reference.scale, zeroPoint: 0)
    }
  }
#endif
