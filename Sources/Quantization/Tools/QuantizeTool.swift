// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// The logic behind `workbook quantize`: parse the values, quantize them per tensor or per row,
/// and render the result as text or JSON.
///
/// ```swift
/// let report = try QuantizeTool.run(arguments: ["-1.27", "0.42", "0.05"], scheme: "symmetric")
/// print(report.text)
/// ```
@_spi(Reference) public enum QuantizeTool {
  /// Parses the arguments and quantizes them.
  ///
  /// - Parameters:
  ///   - arguments: the values, as typed (`"0.5"`, `"-3"`, `"1e-3"`).
  ///   - scheme: `"symmetric"` (int8, absmax / 127) or `"affine"` (uint8, min/max).
  ///   - rows: when given, the values form a row-major matrix of this many rows, and each row
  ///     gets its own scale (and zero point).
  /// - Throws: `QuantizeToolError` with a one-line message for no values, a value that is not a
  ///   number, an unknown scheme, a row count that does not divide the values, a NaN or ±∞.
  public static func run(arguments: [String], scheme: String, rows: Int? = nil) throws
    -> QuantizeReport
  {
    guard let parsedScheme = QuantizationScheme(rawValue: scheme) else {
      throw QuantizeToolError("unknown scheme '\(scheme)'; use symmetric or affine")
    }
    let values = try parseValues(arguments)
    return try run(values: values, scheme: parsedScheme, rows: rows, typed: arguments)
  }

  /// Turns the typed values into fp32 numbers; throws for none at all, for anything that is
  /// not a number, and for a value fp32 cannot hold (`1e39` overflows to infinity; `inf` and
  /// `nan` have no code), naming the argument as typed.
  public static func parseValues(_ arguments: [String]) throws -> [Float] {
    guard !arguments.isEmpty else {
      throw QuantizeToolError(
        "no values to quantize; give them after --, for example: -- 0.5 -1.2 3")
    }
    return try arguments.enumerated().map { index, text in
      guard let value = Float(text) else {
        throw QuantizeToolError("'\(text)' is not a number")
      }
      guard value.isFinite else {
        let why =
          value.isNaN
          ? "is not a number (NaN has no code)"
          : Double(text)?.isFinite == true
            ? "overflows fp32 to \(value) (the largest fp32 is about 3.4e38)"
            : "is infinite (infinity has no code)"
        throw QuantizeToolError("argument \(index + 1) '\(text)' \(why)")
      }
      return value
    }
  }

  /// Quantizes parsed values; throws for a non-finite value, rows that do not divide them, and
  /// values whose range overflows the scale (or what the codes stand for) to ±∞ or NaN, which
  /// would make no sense and no valid JSON. `typed` names the values in messages as typed.
  public static func run(
    values: [Float], scheme: QuantizationScheme, rows: Int? = nil, typed: [String]? = nil
  ) throws -> QuantizeReport {
    func name(_ index: Int) -> String {
      let text =
        typed.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? "\(values[index])"
      return "argument \(index + 1) '\(text)'"
    }
    guard !values.isEmpty else {
      throw QuantizeToolError(
        "no values to quantize; give them after --, for example: -- 0.5 -1.2 3")
    }
    if let bad = values.firstIndex(where: { !$0.isFinite }) {
      throw QuantizeToolError("\(name(bad)) is not finite; NaN and infinity have no code")
    }
    let rowCount = rows ?? 1
    guard rowCount > 0 else {
      throw QuantizeToolError("the number of rows must be at least 1, got \(rowCount)")
    }
    guard values.count % rowCount == 0 else {
      throw QuantizeToolError(
        "\(values.count) values do not divide into \(rowCount) rows of equal length")
    }
    let columns = values.count / rowCount
    let quantizedRows = try (0..<rowCount).map { row -> QuantizedRow in
      let slice = Array(values[row * columns..<(row + 1) * columns])
      let result =
        scheme == .symmetric
        ? try ReferenceQuantizer.symmetric(slice) : try ReferenceQuantizer.affine(slice)
      let finite =
        result.scale.isFinite && result.maxError.isFinite
        && result.dequantized.allSatisfy(\.isFinite)
      guard finite else {
        let low = row * columns + slice.indices.min { slice[$0] < slice[$1] }!
        let high = row * columns + slice.indices.max { slice[$0] < slice[$1] }!
        throw QuantizeToolError(
          "\(name(low)) and \(name(high)) span more than fp32 can hold: the \(scheme.rawValue) scale overflows to \(result.scale)"
        )
      }
      return QuantizedRow(
        scale: result.scale, zeroPoint: result.zeroPoint, q: result.q,
        dequantized: result.dequantized, maxError: result.maxError)
    }
    return QuantizeReport(scheme: scheme, perChannel: rows != nil, rows: quantizedRows)
  }
}

/// The two schemes `workbook quantize` knows.
@_spi(Reference) public enum QuantizationScheme: String, CaseIterable, Sendable {
  /// int8, scale = absmax / 127, codes −127...127, zero point 0.
  case symmetric
  /// uint8, PyTorch `MinMaxObserver`: scale = (max′ − min′) / 255, codes 0...255, a zero point.
  case affine

  /// How the scheme is described in the text output.
  var summary: String {
    switch self {
    case .symmetric: return "symmetric int8 (scale = absmax / 127, codes -127...127, zero point 0)"
    case .affine: return "affine uint8 (scale = (max' - min') / 255, codes 0...255)"
    }
  }
}

/// One row (or the whole tensor) after quantization.
@_spi(Reference) public struct QuantizedRow: Equatable, Sendable {
  /// The step between codes.
  public let scale: Float
  /// The code that stands for 0.
  public let zeroPoint: Int
  /// The codes.
  public let q: [Int]
  /// What the codes stand for, `scale × (q − zeroPoint)`.
  public let dequantized: [Float]
  /// The largest |x − x′| of the row.
  public let maxError: Float
}

/// What `workbook quantize` prints.
@_spi(Reference) public struct QuantizeReport: Equatable, Sendable {
  /// The scheme used.
  public let scheme: QuantizationScheme
  /// Whether each row was calibrated on its own (`--per-channel`).
  public let perChannel: Bool
  /// One row per channel, or a single row for the whole tensor.
  public let rows: [QuantizedRow]

  /// The human-readable rendering.
  public var text: String {
    var lines = ["scheme       \(scheme.summary)"]
    if perChannel {
      lines.append("per channel  \(rows.count) rows of \(rows.first?.q.count ?? 0)")
    }
    for (index, row) in rows.enumerated() {
      let indent = perChannel ? "  " : ""
      if perChannel { lines.append("row \(index)") }
      lines.append(indent + "scale        \(row.scale)")
      lines.append(indent + "zero point   \(row.zeroPoint)")
      lines.append(indent + "q            " + row.q.map(String.init).joined(separator: " "))
      lines.append(
        indent + "dequantized  " + row.dequantized.map { "\($0)" }.joined(separator: " "))
      lines.append(indent + "max error    \(row.maxError) (scale / 2 = \(row.scale / 2))")
    }
    return lines.joined(separator: "\n")
  }

  /// The JSON rendering, one object on one line.
  ///
  /// Per tensor: `{"scheme", "scale", "zeroPoint", "q", "dequantized", "maxError"}` with a number
  /// for each parameter and arrays of values. Per channel the same keys hold one entry per row
  /// (`scale`, `zeroPoint`, `maxError` become arrays, `q` and `dequantized` arrays of rows), and
  /// `rows` and `columns` give the shape.
  public var json: String {
    func list<T>(_ items: [T], _ render: (T) -> String) -> String {
      "[" + items.map(render).joined(separator: ",") + "]"
    }
    let number: (Float) -> String = { "\($0)" }
    var fields = ["\"scheme\":\"\(scheme.rawValue)\""]
    if perChannel {
      fields.append("\"rows\":\(rows.count)")
      fields.append("\"columns\":\(rows.first?.q.count ?? 0)")
      fields.append("\"scale\":" + list(rows.map(\.scale), number))
      fields.append("\"zeroPoint\":" + list(rows.map(\.zeroPoint)) { "\($0)" })
      fields.append("\"q\":" + list(rows) { list($0.q) { "\($0)" } })
      fields.append("\"dequantized\":" + list(rows) { list($0.dequantized, number) })
      fields.append("\"maxError\":" + list(rows.map(\.maxError), number))
    } else if let row = rows.first {
      fields.append("\"scale\":\(number(row.scale))")
      fields.append("\"zeroPoint\":\(row.zeroPoint)")
      fields.append("\"q\":" + list(row.q) { "\($0)" })
      fields.append("\"dequantized\":" + list(row.dequantized, number))
      fields.append("\"maxError\":\(number(row.maxError))")
    }
    return "{" + fields.joined(separator: ",") + "}"
  }
}

/// Bad input to `workbook quantize`, in one line.
@_spi(Reference)
public struct QuantizeToolError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The message a user sees.
  public let description: String

  /// Creates an error with its message.
  public init(_ description: String) {
    self.description = description
  }
}
