# `make` sets everything up and opens the course dashboard; `make test` runs the whole suite.
SWIFT ?= swift
WORKBOOK = .build/debug/workbook

.PHONY: all setup build test lint clean

all: build
	@$(WORKBOOK)

setup:
	@sh scripts/setup.sh

# Only the workbook command: the topics' runners (<Topic>Check) are built by the first
# `workbook check` of each topic (a second or two each), and the solutions, the lesson fuzzer
# and the benchmark executables are the maintainers' (`make test` and `swift test` build all).
build: setup
	$(SWIFT) build --product workbook

test:
	@sh scripts/test.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Exercises Solutions Fuzz Package.swift Benchmarks/Package.swift Benchmarks/Benchmarks Benchmarks/Sources

clean:
	rm -rf .build
