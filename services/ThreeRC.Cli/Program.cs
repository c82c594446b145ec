using ThreeRC.Cli;

return await ThreeRcCommand.RunAsync(args);
