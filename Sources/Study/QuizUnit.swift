import Foundation

/// A unit of bytes as a person writes it, in a quiz answer or a lesson's figure: `B`, the
/// decimal `KB`, `MB`, `GB`, `TB`, `PB` (powers of 1000, as the lessons use), the binary
/// `KiB`, `MiB`, `GiB`, `TiB` (powers of 1024), or their names spelled out, singular or
/// plural, in any case (`gigabytes`, `Gibibyte`).
public struct QuizUnit: Equatable, Sendable {
  /// Bytes in one of this unit.
  public let bytes: Double

  /// The unit `text` names, or nil when it names no unit of bytes.
  public init?(_ text: String) {
    var name = text.trimmingCharacters(in: .whitespaces).lowercased()
    if name.hasSuffix(".") { name.removeLast() }
    if name.count > 4, name.hasSuffix("s") { name.removeLast() }
    guard let bytes = Self.names[name] else { return nil }
    self.bytes = bytes
  }

  /// Lowercased symbol or singular name → bytes.
  private static let names: [String: Double] = {
    var names: [String: Double] = ["b": 1, "byte": 1]
    let decimal = [("k", "kilo"), ("m", "mega"), ("g", "giga"), ("t", "tera"), ("p", "peta")]
    let binary = [("ki", "kibi"), ("mi", "mebi"), ("gi", "gibi"), ("ti", "tebi"), ("pi", "pebi")]
    var thousand = 1.0
    var kibi = 1.0
    for ((symbol, prefix), (binarySymbol, binaryPrefix)) in zip(decimal, binary) {
      thousand *= 1000
      kibi *= 1024
      names[symbol + "b"] = thousand
      names[prefix + "byte"] = thousand
      names[binarySymbol + "b"] = kibi
      names[binaryPrefix + "byte"] = kibi
    }
    return names
  }()

  /// `value` in `from` expressed in `to`, when both name units of bytes.
  public static func convert(_ value: Double, from: String, to: String) -> Double? {
    guard let source = QuizUnit(from), let target = QuizUnit(to) else { return nil }
    return value * source.bytes / target.bytes
  }
}
