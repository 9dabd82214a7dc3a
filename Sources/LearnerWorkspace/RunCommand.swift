import Foundation

/// Runs a command to completion and returns its status and combined output; `environment`
/// replaces this process's when given.
package func runCommand(
  _ arguments: [String], in folder: URL, environment: [String: String]? = nil
) -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  process.currentDirectoryURL = folder
  if let environment { process.environment = environment }
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  process.standardInput = FileHandle.nullDevice
  do {
    try process.run()
  } catch {
    return (127, "cannot run \(arguments.joined(separator: " ")): \(error)")
  }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
