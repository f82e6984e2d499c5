# Installation layout: the binary, the example templates and the JSON Schemas.
install(TARGETS escalate RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/escalate/templates)
install(DIRECTORY schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/escalate/schemas)
