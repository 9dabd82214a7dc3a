import Foundation

/// The kits' own error types that graders catch by type (`catch let error as
/// QuantizationError`), so a replayed call must throw the same type with the same value.
///
/// A topic's graders register its error types once, before grading, on both sides of the pipe.
public enum ReplayableErrors {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var coders: [ErrorCoder] = []

  /// Makes errors of type `type` come back from a replayed call as themselves.
  public static func register<E: Error & Codable>(_ type: E.Type) {
    let kind = String(reflecting: type)
    lock.lock()
    defer { lock.unlock() }
    guard !coders.contains(where: { $0.kind == kind }) else { return }
    coders.append(
      ErrorCoder(
        kind: kind,
        encode: { error in
          (error as? E).flatMap { try? TapeJSON.encoder().encode($0) }.map {
            String(decoding: $0, as: UTF8.self)
          }
        },
        decode: { text in try? TapeJSON.decoder().decode(E.self, from: Data(text.utf8)) }))
  }

  static var all: [ErrorCoder] {
    lock.lock()
    defer { lock.unlock() }
    return coders
  }
}

/// How one registered error type is written down and read back.
struct ErrorCoder {
  let kind: String
  let encode: (Error) -> String?
  let decode: (String) -> Error?
}

/// JSON as the tape writes it: NaN and the infinities spelled as strings, since errors and
/// results often carry them (`invalidScale(nan)`).
enum TapeJSON {
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }

  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }
}
