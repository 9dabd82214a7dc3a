/// A batch of activations or gradients: `rows` examples by `columns` features, row-major.
///
/// Elements are `Double`. The topic uses double precision on purpose: gradients can then be
/// compared bit for bit between schedules and against finite differences without rounding
/// noise hiding a real mistake. The memory a tensor would take is `byteCount`, at 8 bytes per
/// element.
public struct Tensor: Equatable, Sendable {
  /// Bytes per element (a `Double`).
  public static let elementBytes = MemoryLayout<Double>.size

  /// Examples in the batch.
  public let rows: Int
  /// Features per example.
  public let columns: Int
  /// The `rows × columns` elements, one example after another.
  public let values: [Double]

  /// Creates a tensor; `values` must hold exactly `rows × columns` elements.
  public init(rows: Int, columns: Int, values: [Double]) throws {
    try precondition(rows >= 0 && columns >= 0, orThrow: "a tensor of \(rows) × \(columns)")
    try precondition(
      values.count == rows * columns,
      orThrow: "a \(rows) × \(columns) tensor needs \(rows * columns) values, got \(values.count)")
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// Creates a tensor from values already known to have the right count.
  init(checkedRows rows: Int, columns: Int, values: [Double]) {
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// A tensor of zeros.
  public static func zeros(rows: Int, columns: Int) -> Tensor {
    Tensor(
      checkedRows: max(0, rows), columns: max(0, columns),
      values: [Double](repeating: 0, count: max(0, rows) * max(0, columns)))
  }

  /// The bytes this tensor occupies: elements × 8.
  public var byteCount: Int { values.count * Tensor.elementBytes }

  /// Every element multiplied by `factor`.
  public func scaled(by factor: Double) -> Tensor {
    Tensor(checkedRows: rows, columns: columns, values: values.map { $0 * factor })
  }

  /// The examples in `range`, as a smaller batch (a micro-batch).
  public func rows(_ range: Range<Int>) throws -> Tensor {
    try precondition(
      range.lowerBound >= 0 && range.upperBound <= rows,
      orThrow: "rows \(range) of a tensor with \(rows) rows")
    return Tensor(
      checkedRows: range.count, columns: columns,
      values: Array(values[(range.lowerBound * columns)..<(range.upperBound * columns)]))
  }

  /// One example's features.
  public func row(_ index: Int) throws -> [Double] {
    try precondition(index >= 0 && index < rows, orThrow: "row \(index) of \(rows)")
    return Array(values[(index * columns)..<((index + 1) * columns)])
  }
}
