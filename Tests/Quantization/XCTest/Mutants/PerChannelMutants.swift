#if canImport(QuantizationSolutions)
  import Quantization
  import QuantizationSolutions

  /// Per-row int8 quantization with one mistake, chosen by `mistake`.
  struct PerChannelMutant: PerChannel {
    enum Mistake {
      /// One scale for the whole matrix, repeated for every row.
      case perTensor
      /// One scale per column instead of per row.
      case perColumn
      /// Rounds ties away from zero.
      case tiesAwayFromZero
      /// Divides each row's absmax by 127.5.
      case scaleOver127Point5
      /// Gives a row of zeros scale 0 instead of 2⁻²³.
      case zeroRowScaleZero
      /// Reads back with the scale of the column's index instead of the row's.
      case dequantizeByColumn
    }

    let mistake: Mistake

    init(_ mistake: Mistake) { self.mistake = mistake }

    func quantize(_ weights: [Float], rows: Int, columns: Int) throws -> PerChannelQuantizedTensor {
      // The reference validates the shape and the values; the mutant then redoes the numbers.
      let reference = try PerChannelQuantizer().quantize(weights, rows: rows, columns: columns)
      func absmax(_ indices: [Int]) -> Float {
        indices.reduce(Float(0)) { Swift.max($0, weights[$1].magnitude) }
      }
      let divisor: Float = mistake == .scaleOver127Point5 ? 127.5 : 127
      let floor = mistake == .zeroRowScaleZero ? 0 : QuantizationLimits.minimumScale
      let rowScales = (0..<rows).map { row in
        Swift.max(absmax(Array(row * columns..<(row + 1) * columns)) / divisor, floor)
      }
      let scales: [Float]
      switch mistake {
      case .perTensor:
        let whole = Swift.max(absmax(Array(weights.indices)) / 127, floor)
        scales = Array(repeating: whole, count: rows)
      case .perColumn:
        scales = (0..<columns).map { column in
          Swift.max(absmax((0..<rows).map { $0 * columns + column }) / 127, floor)
        }
      default:
        scales = rowScales
      }
      let rule: FloatingPointRoundingRule =
        mistake == .tiesAwayFromZero ? .toNearestOrAwayFromZero : .toNearestOrEven
      let q = weights.indices.map { index -> Int8 in
        let scale = mistake == .perColumn ? scales[index % columns] : scales[index / columns]
        var t = weights[index] / scale
        if t.isNaN { t = 0 }
        return Int8(Swift.min(Swift.max(t.rounded(rule), -127), 127))
      }
      return PerChannelQuantizedTensor(
        rows: reference.rows, columns: reference.columns, q: q, scales: scales)
    }

    func dequantize(_ tensor: PerChannelQuantizedTensor) throws -> [Float] {
      let reference = try PerChannelQuantizer().dequantize(tensor)
      guard mistake == .dequantizeByColumn else { return reference }
      return tensor.q.indices.map { index in
        Float(tensor.q[index]) * tensor.scales[Swift.min(index % tensor.columns, tensor.rows - 1)]
      }
    }
  }
#endif
