using ThreeRC.Lab;

return await LabCommand.InvokeAsync(args);
