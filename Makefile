# `make` sets everything up and opens the course dashboard; `make test` runs the whole suite.
SWIFT ?= swift
WORKBOOK = .build/debug/workbook

.PHONY: all setup build test lint clean

all: build
	@$(WORKBOOK)

setup:
	@sh scripts/setup.sh

build: setup
	$(SWIFT) build

test:
	@sh scripts/test.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Exercises Solutions Fuzz Package.swift Benchmarks/Package.swift Benchmarks/Benchmarks Benchmarks/Sources

clean:
	rm -rf .build
