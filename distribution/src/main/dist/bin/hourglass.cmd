@echo off
rem hourglass.cmd: starts the Hourglass workbench on Windows (see: hourglass --help).
rem Environment: JAVA_HOME (else java from PATH), HOURGLASS_OPTS and JAVA_OPTS (extra JVM options).
setlocal

rem The installation folder: the parent of the folder this script is in.
for %%i in ("%~dp0..") do set "HOURGLASS_HOME=%%~fi"

if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" (
	set "JAVA=%JAVA_HOME%\bin\java.exe"
	goto run
)
where java >nul 2>nul
if errorlevel 1 (
	echo hourglass: no Java found; install Java 17 or newer, or set JAVA_HOME 1>&2
	exit /b 3
)
set "JAVA=java"

:run
rem JAVA_OPTS and HOURGLASS_OPTS come last, so they can override any of these settings.
"%JAVA%" ^
	"-Dhourglass.home=%HOURGLASS_HOME%" ^
	"-Dlog4j2.configurationFile=%HOURGLASS_HOME%\conf\log4j2.xml" ^
	-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager ^
	"-Dorg.bytedeco.javacpp.cachedir=%HOURGLASS_HOME%\cache\javacpp" ^
	-Dorg.bytedeco.javacpp.logger=slf4j ^
	%JAVA_OPTS% %HOURGLASS_OPTS% ^
	-cp "%HOURGLASS_HOME%\lib\*" org.hourglass.runtime.cli.Main %*
exit /b %ERRORLEVEL%
