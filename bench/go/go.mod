module bsdemu/bench

go 1.19
