/// Formats byte counts the way the lessons state them, and the trimmed decimals they use.
public enum ByteFormatting {
  /// Decimal units (1 GB = 10⁹ bytes), as the lecture and the papers use: `"208 GB"`.
  ///
  /// Trailing zeros are dropped and at most `decimals` digits kept: 26 × 10⁹ → `"26 GB"`,
  /// 31.2 × 10⁹ → `"31.2 GB"`, 78.6432 × 10⁹ with 2 decimals → `"78.64 GB"`.
  public static func decimal(_ bytes: Double, decimals: Int = 2) -> String {
    scaled(bytes, step: 1000, units: decimalUnits, decimals: decimals)
  }

  /// Bytes in the one decimal unit `unit` ("B", "KB", "MB", "GB", …) whatever their size, as
  /// a series on one scale wants them: 5 243 000 in "MB" → `"5.24 MB"`.
  public static func decimal(_ bytes: Double, in unit: String, decimals: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<(decimalUnits.firstIndex(of: unit) ?? 0) { scale *= 1000 }
    return "\(trimmed(bytes / scale, decimals: decimals)) \(unit)"
  }

  /// Binary units (1 GiB = 2³⁰ bytes), as operating systems and GPU tools report: `"193.71 GiB"`.
  public static func binary(_ bytes: Double, decimals: Int = 2) -> String {
    scaled(
      bytes, step: 1024, units: ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"], decimals: decimals)
  }

  /// The decimal units, a factor of 1000 apart.
  private static let decimalUnits = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]

  /// `value` rounded to `decimals` places, without trailing zeros: 2.50 → "2.5", 3.0 → "3".
  public static func trimmed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
    var text = String(rounded)
    if text.contains("e") { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// `bytes` divided by `step` until it is below `step` (or the units run out), with its unit.
  private static func scaled(_ bytes: Double, step: Double, units: [String], decimals: Int)
    -> String
  {
    var value = bytes
    var unit = 0
    while abs(value) >= step && unit < units.count - 1 {
      value /= step
      unit += 1
    }
    return "\(trimmed(value, decimals: decimals)) \(units[unit])"
  }
}
