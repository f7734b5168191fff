#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) { return persona::cli::Run(argc, argv, std::cin, std::cout, std::cerr); }
